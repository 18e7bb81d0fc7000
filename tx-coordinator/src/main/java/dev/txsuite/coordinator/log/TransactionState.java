package dev.txsuite.coordinator.log;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import java.util.EnumSet;
import java.util.Set;

/** A transaction's state as the log and the API name it: the machine's phase, with the outcome once ended. */
public enum TransactionState {
    PREPARING,
    PRE_COMMITTING,
    COMMITTING,
    ABORTING,
    COMMITTED,
    ABORTED;

    /** The states recovery and the phase-two retry job still have work in. */
    public static final Set<TransactionState> UNFINISHED = EnumSet.of(PREPARING, PRE_COMMITTING, COMMITTING, ABORTING);

    /** The state a transaction in {@code state} has in the log once the run's writes are done. */
    public static TransactionState of(TxState state) {
        return switch (state.phase()) {
            case PREPARING -> PREPARING;
            case PRE_COMMITTING -> PRE_COMMITTING;
            case COMMITTING -> COMMITTING;
            case ABORTING -> ABORTING;
            case ENDED -> ended(state.decision());
        };
    }

    static TransactionState decided(Decision decision) {
        return decision == Decision.COMMIT ? COMMITTING : ABORTING;
    }

    static TransactionState ended(Decision decision) {
        return decision == Decision.COMMIT ? COMMITTED : ABORTED;
    }

    TxPhase phase() {
        return switch (this) {
            case PREPARING -> TxPhase.PREPARING;
            case PRE_COMMITTING -> TxPhase.PRE_COMMITTING;
            case COMMITTING -> TxPhase.COMMITTING;
            case ABORTING -> TxPhase.ABORTING;
            case COMMITTED, ABORTED -> TxPhase.ENDED;
        };
    }
}
