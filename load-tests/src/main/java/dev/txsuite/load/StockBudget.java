package dev.txsuite.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The demo data holds a few hundred units and a few customers' money: a run that needs more than is left would end
 * in 409 OUT_OF_STOCK or INSUFFICIENT_FUNDS answers. Before the run, whatever the run's orders could want beyond
 * what is available is added as an operator would, through the gateway's admin API (a restock per short sku, a
 * deposit per short customer, with {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}, default {@code admin} /
 * {@code admin}); {@code ./suite verify} counts restocks and deposits. When that is refused, says so before the run
 * starts rather than leaving the user to wonder about the KOs.
 */
final class StockBudget {

    private static final Pattern AVAILABLE = Pattern.compile("\"available\"\\s*:\\s*(-?\\d+)");
    private static final Pattern PRICE = Pattern.compile("\"priceCents\"\\s*:\\s*(\\d+)");
    private static final Pattern AVAILABLE_CENTS = Pattern.compile("\"availableCents\"\\s*:\\s*(-?\\d+)");

    private final LoadSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic "
            + Base64.getEncoder()
                    .encodeToString((env("ADMIN_USERNAME", "admin") + ":" + env("ADMIN_PASSWORD", "admin"))
                            .getBytes(StandardCharsets.UTF_8));

    private StockBudget(LoadSettings settings) {
        this.settings = settings;
    }

    /**
     * @param skus the skus the run draws, by weight
     * @param customers the customers the run draws, by weight
     * @param orders about how many orders of one unit the run places
     */
    static void supplyEnough(
            LoadSettings settings, Map<String, Integer> skus, Map<String, Integer> customers, long orders) {
        var budget = new StockBudget(settings);
        try {
            budget.supply(skus, customers, orders);
        } catch (IOException | RuntimeException e) {
            System.out.println("load: WARNING: cannot make sure the run has enough stock and money (" + e.getMessage()
                    + "). Orders past what is available are answered 409; restock through the admin API"
                    + " (README, \"Restock and top up\") or lower --rate/--duration.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void supply(Map<String, Integer> skus, Map<String, Integer> customers, long orders)
            throws IOException, InterruptedException {
        var added = new ArrayList<String>();
        var dearest = 0L;
        var skuWeights = skus.values().stream().mapToInt(Integer::intValue).sum();
        for (var sku : skus.entrySet()) {
            var product = get("/api/products/" + sku.getKey());
            dearest = Math.max(dearest, number(PRICE, product));
            var wanted = margin(orders * sku.getValue() / skuWeights);
            var available = number(AVAILABLE, product);
            if (available < wanted) {
                post("/api/products/" + sku.getKey() + "/restocks", "{\"units\":" + (wanted - available) + "}");
                added.add(sku.getKey() + " +" + (wanted - available) + " units");
            }
        }
        var customerWeights =
                customers.values().stream().mapToInt(Integer::intValue).sum();
        for (var customer : customers.entrySet()) {
            var wanted = margin(orders * customer.getValue() / customerWeights) * dearest;
            var available = number(AVAILABLE_CENTS, get("/api/accounts/" + customer.getKey()));
            if (available < wanted) {
                post(
                        "/api/accounts/" + customer.getKey() + "/deposits",
                        "{\"amountCents\":" + (wanted - available) + "}");
                added.add(customer.getKey() + " +" + (wanted - available) / 100 + " dollars");
            }
        }
        System.out.println(
                added.isEmpty()
                        ? "load: enough stock and money for about " + orders + " orders"
                        : "load: for about " + orders + " orders, added through the admin API: "
                                + String.join(", ", added));
    }

    /** A fifth more than the expected share, and twenty at least: the draws are random. */
    private static long margin(long share) {
        return share + share / 5 + 20;
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(settings.baseUrl() + path)).GET(), 200);
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        send(
                HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        var built = request.timeout(Duration.ofSeconds(10)).build();
        var response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                    + (response.statusCode() == 401 ? ": set ADMIN_USERNAME and ADMIN_PASSWORD to the gateway's" : ""));
        }
        return response.body();
    }

    private static long number(Pattern pattern, String body) {
        var matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String env(String name, String otherwise) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
