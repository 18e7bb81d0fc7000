package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;

/** What the caller must do, in order. A write must be durable before the outputs that follow it. */
public sealed interface TxOutput {

    /** PREPARE under 2PC, CAN-COMMIT (with the list of participants) under 3PC. */
    record SendPrepare(String participant) implements TxOutput {}

    /** Record a vote for the operators; need not be forced. */
    record RecordVote(String participant, Vote vote) implements TxOutput {}

    /** 3PC: every vote was YES. Forced: durable before the first PRE-COMMIT leaves. */
    record LogPreCommit() implements TxOutput {}

    record SendPreCommit(String participant) implements TxOutput {}

    /** 3PC: record that a participant acknowledged PRE-COMMIT; need not be forced. */
    record RecordPreCommitAck(String participant) implements TxOutput {}

    /**
     * Write the decision to the log. {@code forced}: it must be durable before anything after it is done
     * (COMMIT); an ABORT need not be forced, since what the log does not know is aborted.
     */
    record LogDecision(Decision decision, String reason, boolean forced) implements TxOutput {}

    record SendDecision(String participant, Decision decision) implements TxOutput {}

    /**
     * Tell the initiator the decision: the answer to its begin, which waits for it (its branch is settled by the
     * answer); when nobody waits any more (a run carried on from the log), a decision message like
     * {@link SendDecision}, whose answer is not needed. Counted as acknowledged at once ({@link RecordAck} follows):
     * an initiator that did not get it asks the coordinator when its branch's timer expires, and the log keeps the
     * decision for it.
     */
    record TellInitiator(String participant, Decision decision) implements TxOutput {}

    record RecordAck(String participant) implements TxOutput {}

    /**
     * A participant's branch ended against the decision (3PC's known split under a network partition, or an
     * operator's hand): record it for the operators. Nothing can undo it; the transaction stops sending to it.
     */
    record RecordConflict(String participant, BranchState theirs) implements TxOutput {}

    /** 3PC recovery: ask every participant for its branch state and answer with {@link TxInput.BranchStates}. */
    record QueryBranches() implements TxOutput {}

    /** Every participant acknowledged: the transaction is over and can be forgotten. */
    record LogEnd() implements TxOutput {}
}
