package dev.txsuite.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/orders} through the gateway (DESIGN.md section 3), one line of one sku, from the session's
 * {@code customerId}, {@code sku}, {@code quantity} and {@code protocol}. The answers a simulation expects are
 * OK; anything else, a 5xx above all, is KO.
 */
final class PlaceOrder {

    private static final String BODY = """
            {"customerId":"#{customerId}","items":[{"sku":"#{sku}","quantity":#{quantity}}],"protocol":"#{protocol}"}""";

    private PlaceOrder() {}

    /** Shared connections, as a few client applications with connection pools would send them. */
    static HttpProtocolBuilder throughTheGateway(LoadSettings settings) {
        return http.baseUrl(settings.baseUrl())
                .contentTypeHeader("application/json")
                .acceptHeader("application/json, application/problem+json")
                // warm the HTTP client up against the suite itself, not against gatling.io: runs work offline
                .warmUp(settings.baseUrl() + "/api/products")
                .shareConnections();
    }

    /**
     * @param name the request's name in the report; {@code #{protocol}} in it splits the numbers by protocol
     * @param expected the statuses that are a correct answer here; a 409 must also name its reason, and a 503 must
     *     say when to come back: one without {@code Retry-After} is reported as such (the bench counts them)
     */
    static HttpRequestActionBuilder expecting(String name, Integer... expected) {
        var request = http(name)
                .post("/api/orders")
                // a fresh key per order: a retried request would be answered once, never ordered twice
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .body(StringBody(BODY))
                .checkIf((response, session) -> response.status().code() == 503)
                .then(header("Retry-After").exists())
                .check(status().in(Arrays.asList(expected)));
        if (Set.of(expected).contains(409)) {
            request = request.checkIf((response, session) -> response.status().code() == 409)
                    .then(jsonPath("$.reason").in("OUT_OF_STOCK", "INSUFFICIENT_FUNDS"));
        }
        return request;
    }
}
