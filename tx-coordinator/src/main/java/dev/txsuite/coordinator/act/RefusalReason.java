package dev.txsuite.coordinator.act;

/** Why an operator's action was refused: the {@code reason} of the 409 problem, a stable code. */
public enum RefusalReason {
    /** Abort: the transaction is decided already (COMMIT: aborting would break atomicity). */
    ALREADY_DECIDED,
    /** Abort: 3PC's PRE-COMMIT went out; participants may commit by the termination protocol. */
    PRE_COMMIT_SENT,
    /** The transaction ended: there is nothing to abort or send. */
    ALREADY_ENDED,
    /** Retry, resolve: there is no decision yet. */
    NOT_DECIDED,
    /** Resolve: the transaction ended with every branch in agreement, or was resolved already. */
    NOTHING_TO_RESOLVE
}
