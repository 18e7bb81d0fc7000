package dev.txsuite.launcher.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A steady stream of orders through the gateway from a few clients, each placing one order after the other with
 * a random customer, product, quantity and protocol. Remembers every answer, so that afterwards each order the
 * clients were told about can be checked in the databases: a 201 must be CONFIRMED, a 409 REJECTED.
 */
final class OrderStream {

    private static final List<String> CUSTOMERS = List.of("alice", "bob", "carol", "dave", "erin");
    private static final List<String> SKUS =
            List.of("COFFEE-BEANS-1KG", "MUG-CERAMIC", "KETTLE-ELECTRIC", "FILTER-PAPERS", "DRIPPER-LIMITED");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    /** The status the stream records when the gateway itself could not be reached (it is being killed). */
    static final int UNREACHABLE = 0;

    private final URI gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentMap<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Integer> orders = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();

    OrderStream(URI gateway) {
        this.gateway = gateway;
    }

    void start(int clientCount, long seed) {
        running.set(true);
        for (var client = 0; client < clientCount; client++) {
            var random = new Random(seed + client);
            clients.add(Thread.ofVirtual().name("chaos-client-" + client).start(() -> placeOrders(random)));
        }
    }

    void stop() {
        running.set(false);
        clients.forEach(client -> {
            try {
                client.join(Duration.ofSeconds(70));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** How many answers of each status (0: the gateway could not be reached). */
    Map<Integer, Integer> answers() {
        return new TreeMap<>(answers);
    }

    /** Every order an answer named, with the status of that answer. */
    Map<String, Integer> orders() {
        return Map.copyOf(orders);
    }

    private void placeOrders(Random random) {
        while (running.get()) {
            var status = placeOne(random);
            answers.merge(status, 1, Integer::sum);
            if (status == UNREACHABLE || status >= 500) {
                pause(200);
            }
        }
    }

    private int placeOne(Random random) {
        var body = """
                {"customerId":"%s","items":[{"sku":"%s","quantity":%d}],"protocol":"%s"}""".formatted(
                        pick(CUSTOMERS, random),
                        pick(SKUS, random),
                        1 + random.nextInt(2),
                        random.nextBoolean() ? "2PC" : "3PC");
        var request = HttpRequest.newBuilder(gateway.resolve("/api/orders"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var orderId = ORDER_ID.matcher(response.body());
            if (orderId.find()) {
                orders.put(orderId.group(1), response.statusCode());
            }
            return response.statusCode();
        } catch (IOException e) {
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return UNREACHABLE;
        }
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
