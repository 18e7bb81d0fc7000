package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.LoggedTransaction;

/**
 * The answer of {@code GET /tx/transactions/{txId}}: {@code {"txId","protocol","state","decision","reason",
 * "epoch"}}, what a participant in doubt needs. {@code decision} is null while the transaction is undecided
 * (PREPARING, or PRE_COMMITTING under 3PC).
 */
public record TransactionStatus(
        String txId, String protocol, String state, String decision, String reason, long epoch) {

    static TransactionStatus of(LoggedTransaction tx) {
        return new TransactionStatus(
                tx.txId(),
                tx.protocol().label(),
                tx.state().name(),
                tx.decision() == null ? null : tx.decision().name(),
                tx.reason(),
                tx.epoch());
    }
}
