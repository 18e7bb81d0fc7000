package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.LoggedTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code {"txId","protocol","state","decision","reason","createdAt","ageMillis","epoch","owner",
 * "branches":[{"participant","vote","reason","acknowledged","preCommitted","conflict"}]}}
 */
public record TransactionDetails(
        String txId,
        String protocol,
        String state,
        String decision,
        String reason,
        Instant createdAt,
        long ageMillis,
        long epoch,
        String owner,
        List<BranchDetails> branches) {

    /**
     * {@code vote} and {@code reason} are null until the participant voted; {@code preCommitted}: it acknowledged
     * PRE-COMMIT (3PC); {@code conflict}: the final state it reported against the decision (atomicity violated),
     * else null.
     */
    public record BranchDetails(
            String participant,
            String vote,
            String reason,
            boolean acknowledged,
            boolean preCommitted,
            String conflict) {

        static BranchDetails of(LoggedTransaction.Branch branch) {
            var vote = branch.vote();
            return new BranchDetails(
                    branch.participant(),
                    vote == null ? null : vote.isYes() ? "YES" : "NO",
                    vote == null ? null : vote.reason(),
                    branch.acknowledged(),
                    branch.preCommitted(),
                    branch.conflict() == null ? null : branch.conflict().name());
        }
    }

    static TransactionDetails of(LoggedTransaction tx, Instant now) {
        return new TransactionDetails(
                tx.txId(),
                tx.protocol().label(),
                tx.state().name(),
                tx.decision() == null ? null : tx.decision().name(),
                tx.reason(),
                tx.createdAt(),
                Math.max(0, Duration.between(tx.createdAt(), now).toMillis()),
                tx.epoch(),
                tx.owner(),
                tx.branches().stream().map(BranchDetails::of).toList());
    }
}
