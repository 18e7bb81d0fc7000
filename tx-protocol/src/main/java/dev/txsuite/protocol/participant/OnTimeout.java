package dev.txsuite.protocol.participant;

/** What a participant does when the timer of one of its branches expires ({@link ParticipantMachine#timedOut}). */
public enum OnTimeout {
    /** The branch is not in doubt (never prepared here, or already committed or aborted). */
    NOTHING,
    /** 2PC: ask the coordinator for the outcome and apply it if decided; otherwise wait and ask again. */
    ASK_COORDINATOR,
    /**
     * 3PC: ask the coordinator as above; if it cannot be reached, lead the termination protocol with the
     * participants the branch recorded from CAN-COMMIT.
     */
    ASK_COORDINATOR_ELSE_TERMINATE
}
