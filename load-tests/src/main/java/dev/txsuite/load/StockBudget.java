package dev.txsuite.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The demo data holds a few hundred units, and nothing restocks them: a run that needs more than is left ends in
 * 409 OUT_OF_STOCK answers. Says so before the run starts, rather than leaving the user to wonder about the KOs.
 */
final class StockBudget {

    private static final Pattern AVAILABLE = Pattern.compile("\"available\"\\s*:\\s*(-?\\d+)");

    private StockBudget() {}

    static void warnIfShort(LoadSettings settings, Collection<String> skus, long unitsNeeded) {
        var available = 0L;
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (var sku : skus) {
                available += available(http, URI.create(settings.baseUrl() + "/api/products/" + sku));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("load: cannot read the stock of " + skus + " at " + settings.baseUrl() + " (" + e
                    + "); is the suite running?");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.println(
                "load: about " + unitsNeeded + " units wanted from " + skus + ", " + available + " available");
        if (available < unitsNeeded) {
            System.out.println("load: WARNING: not enough stock for this run: once it runs out, orders are answered"
                    + " 409 OUT_OF_STOCK. The demo data is loaded into empty databases only; start a suite on fresh"
                    + " ones (./suite up --database-prefix <new>_) or lower --rate/--duration.");
        }
    }

    private static long available(HttpClient http, URI product) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(product)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var available = AVAILABLE.matcher(response.body());
        if (response.statusCode() != 200 || !available.find()) {
            throw new IllegalStateException(product + " answered " + response.statusCode());
        }
        return Long.parseLong(available.group(1));
    }
}
