package dev.txsuite.coordinator.inspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A transaction as operators see it: {@code {"txId","orderId","protocol","state","decision","reason","createdAt",
 * "ageMillis","epoch","owner","leaseExpiresAt","endedAt","durationMillis","inDoubt","inDoubtForMillis",
 * "waitingFor","conflict","resolution":{"by","at","note"},"branches":[{"participant","vote","reason",
 * "acknowledged","preCommitted","conflict"}]}}, and with {@code "timeline":[{"time","type","participant",
 * "detail"}]} when asked for alone.
 *
 * <p>{@code inDoubt}: unfinished and past its vote deadline plus a grace, or its owner's lease expired; then
 * {@code inDoubtForMillis} counts from the moment it became so (else null). {@code waitingFor} says what an unfinished
 * transaction waits for ("votes from payment"); null once ended. {@code conflict}: a branch ended against the
 * decision. {@code endedAt}, {@code durationMillis}, {@code orderId} and {@code resolution} are null until known.
 */
public record TransactionDetails(
        String txId,
        String orderId,
        String protocol,
        String state,
        String decision,
        String reason,
        Instant createdAt,
        long ageMillis,
        long epoch,
        String owner,
        Instant leaseExpiresAt,
        Instant endedAt,
        Long durationMillis,
        boolean inDoubt,
        Long inDoubtForMillis,
        String waitingFor,
        boolean conflict,
        LoggedTransaction.Resolution resolution,
        List<BranchDetails> branches,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline) {

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

    static TransactionDetails of(LoggedTransaction tx, Instant now, Duration inDoubtGrace) {
        var inDoubtSince = InDoubt.since(tx, now, inDoubtGrace);
        return new TransactionDetails(
                tx.txId(),
                tx.orderId(),
                tx.protocol().label(),
                tx.state().name(),
                tx.decision() == null ? null : tx.decision().name(),
                tx.reason(),
                tx.createdAt(),
                millisBetween(tx.createdAt(), now),
                tx.epoch(),
                tx.owner(),
                tx.leaseExpiresAt(),
                tx.endedAt(),
                tx.endedAt() == null ? null : millisBetween(tx.createdAt(), tx.endedAt()),
                inDoubtSince.isPresent(),
                inDoubtSince.map(since -> millisBetween(since, now)).orElse(null),
                WaitingFor.of(tx, now),
                tx.conflict(),
                tx.resolution(),
                tx.branches().stream().map(BranchDetails::of).toList(),
                null);
    }

    TransactionDetails withTimeline(List<TimelineEntry> entries) {
        return new TransactionDetails(
                txId,
                orderId,
                protocol,
                state,
                decision,
                reason,
                createdAt,
                ageMillis,
                epoch,
                owner,
                leaseExpiresAt,
                endedAt,
                durationMillis,
                inDoubt,
                inDoubtForMillis,
                waitingFor,
                conflict,
                resolution,
                branches,
                List.copyOf(entries));
    }

    private static long millisBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis());
    }
}
