package dev.txsuite.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An operator's restock or deposit as its service receives it: a JSON body and, when given, an Idempotency-Key. */
public final class SupplyRequests {

    private SupplyRequests() {}

    /**
     * @param path e.g. {@code /api/products/{sku}/restocks}, its variable filled with {@code subject}
     * @param idempotencyKey the header's value, or {@code null} for none
     */
    public static RestTestClient.ResponseSpec post(
            RestTestClient client, String path, String subject, String body, String idempotencyKey) {
        return client.post()
                .uri(path, subject)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body)
                .exchange();
    }
}
