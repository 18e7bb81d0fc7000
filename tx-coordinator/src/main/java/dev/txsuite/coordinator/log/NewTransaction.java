package dev.txsuite.coordinator.log;

import dev.txsuite.protocol.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A transaction to record before its first PREPARE: its participants, in order, with their payloads; {@code orderId}
 * is the order it is for, or null; {@code initiator} is the participant that began it having prepared its own branch
 * (its vote is YES), or null.
 */
public record NewTransaction(
        String txId, String orderId, Protocol protocol, Duration timeout, List<Branch> branches, String initiator) {

    /** Every transaction starts at this epoch; each takeover by another instance raises it by one. */
    public static final long FIRST_EPOCH = 1;

    public NewTransaction {
        branches = List.copyOf(branches);
    }

    public record Branch(String participant, JsonNode payload) {}

    public List<String> participants() {
        return branches.stream().map(Branch::participant).toList();
    }

    public Map<String, JsonNode> payloads() {
        return branches.stream().collect(Collectors.toMap(Branch::participant, Branch::payload));
    }
}
