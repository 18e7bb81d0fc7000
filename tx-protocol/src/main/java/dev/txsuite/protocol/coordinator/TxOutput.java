package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;

/** What the caller must do, in order. A write must be durable before the outputs that follow it. */
public sealed interface TxOutput {

    record SendPrepare(String participant) implements TxOutput {}

    /** Record a vote for the operators; need not be forced. */
    record RecordVote(String participant, Vote vote) implements TxOutput {}

    /**
     * Write the decision to the log. {@code forced}: it must be durable before anything after it is done
     * (COMMIT); an ABORT need not be forced, since what the log does not know is aborted.
     */
    record LogDecision(Decision decision, String reason, boolean forced) implements TxOutput {}

    record SendDecision(String participant, Decision decision) implements TxOutput {}

    record RecordAck(String participant) implements TxOutput {}

    /** Every participant acknowledged: the transaction is over and can be forgotten. */
    record LogEnd() implements TxOutput {}
}
