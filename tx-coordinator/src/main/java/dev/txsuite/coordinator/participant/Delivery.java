package dev.txsuite.coordinator.participant;

import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;

/**
 * What became of a protocol message: a PREPARE is {@link Voted}, {@link StaleEpoch} or {@link Undelivered}; a
 * PRE-COMMIT, COMMIT or ABORT is {@link Acknowledged}, {@link Refused}, {@link StaleEpoch} or {@link Undelivered}.
 */
public sealed interface Delivery {

    /** PREPARE answered with a vote. */
    record Voted(Vote vote) implements Delivery {}

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

    /**
     * 409 {@code stale-epoch}: the participant has seen the transaction at a higher epoch, so another coordinator
     * instance took it over and the sender is fenced out.
     *
     * @param detail the participant's explanation ("epoch 1 is older than 2")
     */
    record StaleEpoch(String detail) implements Delivery {}

    /**
     * Unreachable, timed out, circuit open, an error status, or a PREPARE answer that is not a vote.
     *
     * @param error why, for the operators ("java.net.ConnectException: Connection refused")
     */
    record Undelivered(String error) implements Delivery {}
}
