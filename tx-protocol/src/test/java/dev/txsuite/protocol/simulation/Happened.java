package dev.txsuite.protocol.simulation;

/** What a schedule did, counted: shows which failures a sweep of seeds really exercised. */
enum Happened {
    MESSAGE_LOST,
    MESSAGE_DUPLICATED,
    NODE_CRASHED,
    COORDINATOR_CRASHED_MID_STEP,
    PARTICIPANT_CRASHED_BEFORE_ANSWERING,
    NODE_RESTARTED,
    UNFORCED_WRITES_LOST,
    TAKEOVER,
    PARTITION,
    REFUSED_STALE_EPOCH,
    REFUSED_CONFLICT,
    REFUSED_UNKNOWN_TRANSACTION,
    DECISION_FROM_THE_COORDINATOR_LOG,
    IN_DOUBT_AND_COORDINATOR_UNREACHABLE,
    TERMINATION_COMMIT,
    TERMINATION_ABORT,
    /** A participant whose timer fired found another in doubt before it in CAN-COMMIT's order, and waited. */
    TERMINATION_DEFERRED,
    /** The initiator's begin could not reach the coordinator: it aborted its own branch at once. */
    BEGIN_REFUSED,
    /** A participant asked about a transaction the coordinator's log did not know, and was told ABORT. */
    PRESUMED_ABORT
}
