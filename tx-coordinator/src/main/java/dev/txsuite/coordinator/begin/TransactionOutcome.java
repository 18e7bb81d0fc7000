package dev.txsuite.coordinator.begin;

import dev.txsuite.coordinator.log.LoggedTransaction;

/** The answer of {@code POST /tx/transactions}: {@code {"txId","protocol","state","decision","reason"}}. */
public record TransactionOutcome(String txId, String protocol, String state, String decision, String reason) {

    static TransactionOutcome of(LoggedTransaction tx) {
        return new TransactionOutcome(
                tx.txId(),
                tx.protocol().label(),
                tx.state().name(),
                tx.decision() == null ? null : tx.decision().name(),
                tx.reason());
    }
}
