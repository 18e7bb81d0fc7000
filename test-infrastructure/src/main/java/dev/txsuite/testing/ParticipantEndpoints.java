package dev.txsuite.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * Sends protocol messages to a participant's {@code /tx/branches} endpoints the way the coordinator does, over
 * HTTP, so that inventory and payment tests drive their branches alike. What a PREPARE carries is the caller's:
 * each service knows its own payload.
 */
public record ParticipantEndpoints(RestTestClient client) {

    /** The body of a PREPARE answer. */
    public record VoteAnswer(String txId, String participant, String vote, String reason) {}

    /** A transaction id no other test uses. */
    public static String newTxId() {
        return "tx-" + UUID.randomUUID();
    }

    /** The order id a test payload gives the branch of {@code txId}, so that a test can find it again. */
    public static String orderIdOf(String txId) {
        return "order-of-" + txId;
    }

    /** PREPARE in the first epoch. */
    public ResponseSpec prepare(String txId, Map<String, Object> payload) {
        return prepare(txId, 1, payload);
    }

    public ResponseSpec prepare(String txId, long epoch, Map<String, Object> payload) {
        return post(txId, "prepare", Map.of("epoch", epoch, "protocol", "2PC", "payload", payload));
    }

    /** PREPARE in the first epoch, expecting an answer: the vote it carries. */
    public VoteAnswer answerTo(String txId, Map<String, Object> payload) {
        return prepare(txId, payload)
                .expectStatus()
                .isOk()
                .expectBody(VoteAnswer.class)
                .returnResult()
                .getResponseBody();
    }

    public ResponseSpec commit(String txId) {
        return post(txId, "commit", Map.of("epoch", 1));
    }

    public ResponseSpec abort(String txId, long epoch, String reason) {
        return post(txId, "abort", Map.of("epoch", epoch, "reason", reason));
    }

    /** Any body to any message, for the requests a coordinator would never send. */
    public ResponseSpec post(String txId, String message, Object body) {
        return client.post()
                .uri("/tx/branches/{txId}/{message}", txId, message)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** The branch as the participant describes it. */
    public ResponseSpec describe(String txId) {
        return client.get().uri("/tx/branches/{txId}", txId).exchange();
    }
}
