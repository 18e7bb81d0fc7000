package dev.txsuite.launcher.supply;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's supplies through the gateway, as an operator would add them: {@code POST
 * /api/products/{sku}/restocks} and {@code POST /api/accounts/{customerId}/deposits} with the admin's credentials
 * ({@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}, {@code admin} / {@code admin} unless they say else), and what
 * is available now ({@code GET /api/products}, {@code GET /api/accounts}). Each restock or deposit is a local
 * transaction of its service with its event, which {@code ./suite verify} counts: adding supplies never looks
 * like a violated invariant.
 */
public final class Supplies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Supplies(URI gateway, String username, String password) {
        this.gateway = gateway;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** With the admin credentials the suite's gateway was started with. */
    public static Supplies fromEnvironment(URI gateway, Map<String, String> environment) {
        return new Supplies(
                gateway,
                environment.getOrDefault("ADMIN_USERNAME", "admin"),
                environment.getOrDefault("ADMIN_PASSWORD", "admin"));
    }

    /** Units available (on hand, not reserved) per sku. */
    public Map<String, Long> availableUnits() {
        return amounts("/api/products?size=100", "sku", "available");
    }

    /** Cents available (balance, not held) per customer. */
    public Map<String, Long> availableCents() {
        return amounts("/api/accounts?size=100", "customerId", "availableCents");
    }

    /** What a {@link #refill} added: units restocked, cents deposited. */
    public record Added(long units, long cents) {}

    /**
     * Brings every product whose available units fell below {@code share} of its level back to that level with a
     * restock, and every account likewise with a deposit.
     *
     * @param unitLevel the units each sku should have available
     * @param centLevel the cents each customer should have available
     * @param share the part of its level under which a product or an account is refilled (1: whenever it is below)
     */
    public Added refill(ToLongFunction<String> unitLevel, ToLongFunction<String> centLevel, double share) {
        var units = 0L;
        for (var product : availableUnits().entrySet()) {
            var level = unitLevel.applyAsLong(product.getKey());
            if (product.getValue() < share * level) {
                restock(product.getKey(), level - product.getValue());
                units += level - product.getValue();
            }
        }
        var cents = 0L;
        for (var account : availableCents().entrySet()) {
            var level = centLevel.applyAsLong(account.getKey());
            if (account.getValue() < share * level) {
                deposit(account.getKey(), level - account.getValue());
                cents += level - account.getValue();
            }
        }
        return new Added(units, cents);
    }

    public void restock(String sku, long units) {
        post("/api/products/" + sku + "/restocks", "{\"units\":" + units + "}");
    }

    public void deposit(String customerId, long cents) {
        post("/api/accounts/" + customerId + "/deposits", "{\"amountCents\":" + cents + "}");
    }

    private Map<String, Long> amounts(String path, String key, String amount) {
        var body =
                JSON.readTree(send(HttpRequest.newBuilder(gateway.resolve(path)).GET(), 200));
        var amounts = new LinkedHashMap<String, Long>();
        body.path("content")
                .forEach(item ->
                        amounts.put(item.path(key).asString(), item.path(amount).asLong()));
        return amounts;
    }

    private void post(String path, String body) {
        send(
                HttpRequest.newBuilder(gateway.resolve(path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
    }

    private String send(HttpRequest.Builder request, int expected) {
        var built = request.timeout(Duration.ofSeconds(10)).build();
        try {
            var response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new SupplyRefused(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + (response.statusCode() == 401
                                ? " (set ADMIN_USERNAME and ADMIN_PASSWORD to the gateway's)"
                                : "")
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new SupplyRefused(built.method() + " " + built.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupplyRefused("interrupted during " + built.method() + " " + built.uri());
        }
    }

    /** A call the gateway or the service did not carry out, with what it answered. */
    public static final class SupplyRefused extends RuntimeException {

        SupplyRefused(String message) {
            super(message);
        }
    }
}
