package dev.txsuite.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

/**
 * A few orders one after the other before the load starts, outside the report. The first orders through a
 * freshly started suite pay for class loading, connection pools and the first Kafka sends in five JVMs: many
 * seconds each on a busy machine, which would otherwise show up as the run's slowest answers, or as 202s.
 */
final class WarmUp {

    private static final int ROUNDS = 2;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private WarmUp() {}

    /** Two orders for each protocol of the mix: one unit of the cheapest sku, paid by the richest customer. */
    static void placeOrders(LoadSettings settings) {
        var began = System.nanoTime();
        var statuses = new ArrayList<Integer>();
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (var round = 0; round < ROUNDS; round++) {
                for (var protocol : settings.protocolMix().keySet()) {
                    if (settings.protocolMix().get(protocol) > 0) {
                        statuses.add(placeOrder(http, settings.baseUrl(), protocol));
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("load: warm-up: the gateway at " + settings.baseUrl() + " does not answer (" + e
                    + "); is the suite running?");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println("load: warm-up: " + statuses.size() + " orders placed one after the other in "
                + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms, answered " + statuses
                + " (not in the report)");
    }

    private static int placeOrder(HttpClient http, String baseUrl, String protocol)
            throws IOException, InterruptedException {
        var body = """
                {"customerId":"%s","items":[{"sku":"%s","quantity":1}],"protocol":"%s"}""".formatted(DemoData.RICHEST_CUSTOMER, DemoData.CHEAP_SKU, protocol);
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/orders"))
                .timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
