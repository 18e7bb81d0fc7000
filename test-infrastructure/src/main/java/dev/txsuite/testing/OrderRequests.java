package dev.txsuite.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code POST /api/orders} as a client sends it, to whichever service serves the order API. */
public final class OrderRequests {

    private OrderRequests() {}

    /** @param idempotencyKey the {@code Idempotency-Key} header, or null to send none */
    public static RestTestClient.ResponseSpec placeOrder(RestTestClient client, String body, String idempotencyKey) {
        var request = client.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).exchange();
    }
}
