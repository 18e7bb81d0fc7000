package dev.txsuite.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The success bodies of the participant endpoints, exactly as docs/architecture.md lists them. */
final class BranchAnswers {

    private BranchAnswers() {}

    /** The answer to PREPARE: {@code vote} is "YES" or "NO", {@code reason} set only for NO. */
    record VoteAnswer(String txId, String participant, String vote, String reason) {}

    /**
     * The answer to PRE-COMMIT, COMMIT and ABORT: {@code state} is "PRE_COMMITTED", "COMMITTED" or "ABORTED" (a
     * late PRE-COMMIT to a committed branch answers "COMMITTED").
     */
    record AckAnswer(String txId, String participant, String state) {}

    /**
     * What the participant log records of one branch; {@code vote} is null when it never voted. Also read by the
     * leader of a termination protocol, from another participant.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BranchAnswer(String txId, String participant, String state, String vote, String reason, long epoch) {}
}
