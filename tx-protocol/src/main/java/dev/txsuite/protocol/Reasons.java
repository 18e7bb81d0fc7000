package dev.txsuite.protocol;

/** Reasons the protocol itself gives for a NO vote or an abort; business reasons come from the participants. */
public final class Reasons {

    /** A participant could not be reached or answered with an error. */
    public static final String PARTICIPANT_UNAVAILABLE = "PARTICIPANT_UNAVAILABLE";

    /** The coordinator could not be reached, so no transaction began (the initiator's answer, never a vote). */
    public static final String COORDINATOR_UNAVAILABLE = "COORDINATOR_UNAVAILABLE";

    /** A participant did not vote before the transaction's deadline. */
    public static final String VOTE_TIMEOUT = "VOTE_TIMEOUT";

    /**
     * PREPARE (CAN-COMMIT) reached a participant after the transaction's vote deadline, which the message carries: the
     * coordinator no longer counts a vote, so the participant voted NO without doing the work.
     */
    public static final String DEADLINE_PASSED = "DEADLINE_PASSED";

    /** The coordinator restarted before it had decided; presumed abort. */
    public static final String COORDINATOR_RECOVERY = "COORDINATOR_RECOVERY";

    /**
     * 3PC: the coordinator could not be reached and the termination protocol found no participant past READY
     * (or one already aborted), so the participants aborted on their own.
     */
    public static final String COORDINATOR_LOST = "COORDINATOR_LOST";

    /**
     * A participant asked the coordinator about a transaction its log did not know: it never began there (its begin
     * was lost or has not arrived) or its record was lost before any decision, so it aborts, and the log keeps that it
     * did, so that a begin arriving later is refused.
     */
    public static final String PRESUMED_ABORT = "PRESUMED_ABORT";

    /** PREPARE arrived after the branch had already been aborted (the tombstone answers). */
    public static final String ALREADY_ABORTED = "ALREADY_ABORTED";

    private Reasons() {}

    /** Whether the reason is a failure of the system rather than a business refusal by a participant. */
    public static boolean isTechnical(String reason) {
        return PARTICIPANT_UNAVAILABLE.equals(reason)
                || VOTE_TIMEOUT.equals(reason)
                || DEADLINE_PASSED.equals(reason)
                || COORDINATOR_RECOVERY.equals(reason)
                || COORDINATOR_LOST.equals(reason)
                || COORDINATOR_UNAVAILABLE.equals(reason)
                || PRESUMED_ABORT.equals(reason);
    }
}
