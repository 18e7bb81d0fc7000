package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Vote;

/** The participant's answer to a message. */
public sealed interface Reply {

    /** The answer to PREPARE: the vote, recorded or fresh. */
    record VoteReply(Vote vote) implements Reply {}

    /** COMMIT or ABORT is done (or had been done already). */
    record Ack(BranchState state) implements Reply {}

    /** The message cannot be applied; it changed nothing. */
    record Refusal(Refused why, String detail) implements Reply {}

    enum Refused {
        /** COMMIT for a transaction this participant never prepared: a protocol error, never a silent success. */
        UNKNOWN_TRANSACTION,
        /** The message carries an older coordinator epoch than one already seen. */
        STALE_EPOCH,
        /** The message contradicts the recorded outcome (COMMIT after ABORT, ABORT after COMMIT). */
        CONFLICT
    }
}
