package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import java.util.Map;

/** Everything that can happen to a transaction at its coordinator. Time enters only as {@link Timeout}. */
public sealed interface TxInput {

    /** The transaction is recorded: send PREPARE (CAN-COMMIT). */
    record Start() implements TxInput {}

    /** A participant answered PREPARE. */
    record VoteArrived(String participant, Vote vote) implements TxInput {}

    /**
     * PREPARE to a participant failed (unreachable, error); counts as a NO vote with this reason. Give a
     * technical reason ({@link dev.txsuite.protocol.Reasons#PARTICIPANT_UNAVAILABLE}): the participant may
     * have prepared before the failure, so it must still receive the ABORT.
     */
    record PrepareFailed(String participant, String reason) implements TxInput {}

    /**
     * The deadline passed: while voting, every missing vote counts as NO; under 3PC while PRE-COMMIT is being
     * acknowledged, the participants that have not acknowledged are presumed crashed and the transaction
     * commits (they learn the outcome from the coordinator or the termination protocol when they return).
     */
    record Timeout() implements TxInput {}

    /** 3PC: a participant acknowledged PRE-COMMIT. */
    record PreCommitAcked(String participant) implements TxInput {}

    /** 3PC: PRE-COMMIT could not be delivered (after the retries); the participant is presumed crashed. */
    record PreCommitFailed(String participant) implements TxInput {}

    /** A participant acknowledged the decision. */
    record Acked(String participant) implements TxInput {}

    /**
     * A participant refused PRE-COMMIT or the decision because its branch already ended the other way: it was
     * aborted (or committed) by the termination protocol while it could not reach this coordinator.
     */
    record Refused(String participant, BranchState theirs) implements TxInput {}

    /**
     * 3PC recovery: the branch states of the participants that answered {@link TxOutput.QueryBranches}
     * (those that did not answer are left out).
     */
    record BranchStates(Map<String, BranchState> reachable) implements TxInput {

        public BranchStates {
            reachable = Map.copyOf(reachable);
        }
    }

    /** Time to send the decision (or PRE-COMMIT) again to the participants that have not acknowledged it. */
    record Retry() implements TxInput {}

    /** The coordinator restarted (or took the transaction over) and found it unfinished in its log. */
    record Recover() implements TxInput {}
}
