package dev.txsuite.participant;

/** The success bodies of the participant endpoints, exactly as docs/architecture.md lists them. */
final class BranchAnswers {

    private BranchAnswers() {}

    /** The answer to PREPARE: {@code vote} is "YES" or "NO", {@code reason} set only for NO. */
    record VoteAnswer(String txId, String participant, String vote, String reason) {}

    /** The answer to COMMIT and ABORT: {@code state} is "COMMITTED" or "ABORTED". */
    record AckAnswer(String txId, String participant, String state) {}

    /** What the participant log records of one branch; {@code vote} is null when it never voted. */
    record BranchAnswer(String txId, String participant, String state, String vote, String reason, long epoch) {}
}
