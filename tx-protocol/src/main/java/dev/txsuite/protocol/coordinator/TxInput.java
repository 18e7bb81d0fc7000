package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Vote;

/** Everything that can happen to a transaction at its coordinator. Time enters only as {@link Timeout}. */
public sealed interface TxInput {

    /** The transaction is recorded: send PREPARE. */
    record Start() implements TxInput {}

    /** A participant answered PREPARE. */
    record VoteArrived(String participant, Vote vote) implements TxInput {}

    /**
     * PREPARE to a participant failed (unreachable, error); counts as a NO vote with this reason. Give a
     * technical reason ({@link dev.txsuite.protocol.Reasons#PARTICIPANT_UNAVAILABLE}): the participant may
     * have prepared before the failure, so it must still receive the ABORT.
     */
    record PrepareFailed(String participant, String reason) implements TxInput {}

    /** The voting deadline passed: every missing vote counts as NO. */
    record Timeout() implements TxInput {}

    /** A participant acknowledged the decision. */
    record Acked(String participant) implements TxInput {}

    /** Time to send the decision again to the participants that have not acknowledged it. */
    record Retry() implements TxInput {}

    /** The coordinator restarted (or took the transaction over) and found it unfinished in its log. */
    record Recover() implements TxInput {}
}
