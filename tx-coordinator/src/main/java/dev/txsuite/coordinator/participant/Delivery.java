package dev.txsuite.coordinator.participant;

import dev.txsuite.protocol.participant.BranchState;

/** What became of a PRE-COMMIT, COMMIT or ABORT message. */
public sealed interface Delivery {

    /** 2xx: the participant applied the message. */
    record Acknowledged() implements Delivery {}

    /**
     * 404 or 409: the participant says the message contradicts what it knows.
     *
     * @param theirs the branch state it reported with a conflict (a branch that ended the other way), or null
     */
    record Refused(BranchState theirs) implements Delivery {

        /** Whether the branch already ended (COMMITTED or ABORTED): on its own, the other way. */
        public boolean ended() {
            return theirs != null && theirs.isFinal();
        }
    }

    /** Unreachable, timed out, circuit open or an error status: try again later. */
    record Undelivered() implements Delivery {}
}
