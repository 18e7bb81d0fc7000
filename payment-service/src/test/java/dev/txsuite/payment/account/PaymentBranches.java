package dev.txsuite.payment.account;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** Sends protocol messages to the payment participant the way the coordinator does, over HTTP. */
record PaymentBranches(RestTestClient client) {

    record VoteAnswer(String txId, String participant, String vote, String reason) {}

    static String newTxId() {
        return "tx-" + UUID.randomUUID();
    }

    ResponseSpec prepare(String txId, String customerId, long amountCents) {
        return prepare(txId, 1, customerId, amountCents, "USD");
    }

    ResponseSpec prepare(String txId, long epoch, String customerId, long amountCents, String currency) {
        var payload = Map.of(
                "orderId",
                "order-of-" + txId,
                "customerId",
                customerId,
                "amountCents",
                amountCents,
                "currency",
                currency);
        return post(txId, "prepare", Map.of("epoch", epoch, "protocol", "2PC", "payload", payload));
    }

    ResponseSpec commit(String txId) {
        return post(txId, "commit", Map.of("epoch", 1));
    }

    ResponseSpec abort(String txId, long epoch, String reason) {
        return post(txId, "abort", Map.of("epoch", epoch, "reason", reason));
    }

    ResponseSpec post(String txId, String message, Object body) {
        return client.post()
                .uri("/tx/branches/{txId}/{message}", txId, message)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
