package dev.txsuite.protocol.coordinator;

/** Where a transaction stands at its coordinator. */
public enum TxPhase {
    /** PREPARE sent, collecting votes; nothing decided. */
    PREPARING,
    /** COMMIT decided and force-logged; delivering it until every participant acknowledges. */
    COMMITTING,
    /** ABORT decided; delivering it to every participant that may hold tentative work. */
    ABORTING,
    /** Every participant that needed the decision acknowledged it. */
    ENDED
}
