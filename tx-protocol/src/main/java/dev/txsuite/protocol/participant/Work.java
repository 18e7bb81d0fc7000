package dev.txsuite.protocol.participant;

/** The business work the caller must run, in the same local transaction that stores the new branch record. */
public enum Work {
    NONE,
    /** Make the tentative change durable and vote; report the vote with {@link ParticipantMachine#voted}. */
    PREPARE,
    COMMIT,
    ABORT
}
