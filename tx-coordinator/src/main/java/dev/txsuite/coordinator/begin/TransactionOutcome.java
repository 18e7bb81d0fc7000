package dev.txsuite.coordinator.begin;

import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.TransactionState;
import dev.txsuite.protocol.coordinator.TxState;

/** The answer of {@code POST /tx/transactions}: {@code {"txId","protocol","state","decision","reason"}}. */
public record TransactionOutcome(String txId, String protocol, String state, String decision, String reason) {

    /** As the run that settled it left it: what the log shows once its writes are done. */
    static TransactionOutcome of(TxState state) {
        return new TransactionOutcome(
                state.txId(),
                state.protocol().label(),
                TransactionState.of(state).name(),
                state.decision() == null ? null : state.decision().name(),
                state.reason());
    }

    static TransactionOutcome of(LoggedTransaction tx) {
        return new TransactionOutcome(
                tx.txId(),
                tx.protocol().label(),
                tx.state().name(),
                tx.decision() == null ? null : tx.decision().name(),
                tx.reason());
    }
}
