package dev.txsuite.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies for {@code POST /tx/transactions}: a 2PC transaction with a fresh id, 2s to vote and no branches. */
public final class TransactionRequestBuilder {

    private final String txId = "tx-" + UUID.randomUUID();
    private final List<String> participants = new ArrayList<>();
    private String protocol = "2PC";
    private long timeoutMillis = 2000;
    private String orderId;
    private String initiator;

    private TransactionRequestBuilder() {}

    public static TransactionRequestBuilder aTransaction() {
        return new TransactionRequestBuilder();
    }

    public TransactionRequestBuilder over(String... participantNames) {
        participants.addAll(List.of(participantNames));
        return this;
    }

    public TransactionRequestBuilder protocol(String label) {
        protocol = label;
        return this;
    }

    public TransactionRequestBuilder timeoutMillis(long millis) {
        timeoutMillis = millis;
        return this;
    }

    /** The order the transaction is for ({@code orderId}); none by default. */
    public TransactionRequestBuilder forOrder(String id) {
        orderId = id;
        return this;
    }

    /** Begun by one of its participants, whose branch is prepared: the begin is its YES vote. */
    public TransactionRequestBuilder begunBy(String participant) {
        initiator = participant;
        return this;
    }

    public String txId() {
        return txId;
    }

    public Map<String, Object> body() {
        var body = new LinkedHashMap<String, Object>();
        body.put("txId", txId);
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        body.put("protocol", protocol);
        body.put("timeoutMillis", timeoutMillis);
        body.put(
                "branches",
                participants.stream()
                        .map(name -> Map.of("participant", name, "payload", Map.of("orderId", txId, "for", name)))
                        .toList());
        if (initiator != null) {
            body.put("initiator", initiator);
        }
        return body;
    }
}
