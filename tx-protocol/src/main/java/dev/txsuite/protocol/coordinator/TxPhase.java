package dev.txsuite.protocol.coordinator;

/** Where a transaction stands at its coordinator. */
public enum TxPhase {
    /** PREPARE (CAN-COMMIT under 3PC) sent, collecting votes; nothing decided. */
    PREPARING,
    /**
     * 3PC only: every vote was YES and PRE-COMMIT is force-logged; collecting the acknowledgements of
     * PRE-COMMIT. Not a decision yet: a recovery that finds a participant aborted (by the termination protocol)
     * still aborts.
     */
    PRE_COMMITTING,
    /** COMMIT decided and force-logged; delivering it until every participant acknowledges. */
    COMMITTING,
    /** ABORT decided; delivering it to every participant that may hold tentative work. */
    ABORTING,
    /** Every participant that needed the decision acknowledged it. */
    ENDED
}
