package dev.txsuite.coordinator.log;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.BranchState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the log holds of one transaction; {@code orderId}, {@code decision}, {@code reason}, {@code resolution},
 * {@code initiator} (the participant that began it with its own branch prepared) and the timestamps but
 * {@code createdAt} and {@code leaseExpiresAt} may be null.
 */
public record LoggedTransaction(
        String txId,
        String orderId,
        Protocol protocol,
        TransactionState state,
        Decision decision,
        String reason,
        String owner,
        long epoch,
        long timeoutMillis,
        Instant createdAt,
        Instant preCommittedAt,
        Instant decidedAt,
        Instant endedAt,
        Instant leaseExpiresAt,
        Resolution resolution,
        String initiator,
        List<Branch> branches) {

    public LoggedTransaction {
        branches = List.copyOf(branches);
    }

    /** An operator marked the transaction dealt with: who, when, and the operator's note. */
    public record Resolution(String by, Instant at, String note) {}

    /**
     * One participant's part, in the order PREPARE lists them; {@code vote} is null until it voted;
     * {@code conflict} is the final state the branch reported against the decision, or null; each time is null until
     * the log learnt of it.
     */
    public record Branch(
            String participant,
            JsonNode payload,
            Vote vote,
            boolean acknowledged,
            boolean preCommitted,
            BranchState conflict,
            Instant votedAt,
            Instant preCommittedAt,
            Instant acknowledgedAt) {

        /** The branch as a run that holds the transaction knows it: what the log has, and what it has not written. */
        Branch with(TxState running, BranchProgress progress) {
            var votedNow = vote == null && running.votes().containsKey(participant);
            var preCommittedNow =
                    !preCommitted && progress.preCommitAcknowledged().contains(participant);
            var acknowledgedNow = !acknowledged && running.acked().contains(participant);
            return new Branch(
                    participant,
                    payload,
                    votedNow ? running.votes().get(participant) : vote,
                    acknowledged || acknowledgedNow,
                    preCommitted || preCommittedNow,
                    conflict,
                    votedNow ? progress.votedAt(participant) : votedAt,
                    preCommittedNow ? progress.preCommitAcknowledgedAt(participant) : preCommittedAt,
                    acknowledgedNow ? progress.acknowledgedAt(participant) : acknowledgedAt);
        }
    }

    LoggedTransaction withBranches(List<Branch> newBranches) {
        return new LoggedTransaction(
                txId,
                orderId,
                protocol,
                state,
                decision,
                reason,
                owner,
                epoch,
                timeoutMillis,
                createdAt,
                preCommittedAt,
                decidedAt,
                endedAt,
                leaseExpiresAt,
                resolution,
                initiator,
                newBranches);
    }

    /**
     * The transaction with what the run that holds it in this instance has learnt and not written yet (votes and
     * acknowledgements are written with the decision and the end), so that operators see them as they arrive.
     */
    public LoggedTransaction withProgressOf(TxState running, BranchProgress progress) {
        return withBranches(
                branches.stream().map(branch -> branch.with(running, progress)).toList());
    }

    /** The coordinator machine's view of this transaction, to carry on from where the log stands. */
    public TxState machineState() {
        var votes = new LinkedHashMap<String, Vote>();
        branches.stream().filter(branch -> branch.vote() != null).forEach(b -> votes.put(b.participant(), b.vote()));
        var acked = branches.stream()
                .filter(Branch::acknowledged)
                .map(Branch::participant)
                .collect(Collectors.toSet());
        var preCommitted = branches.stream()
                .filter(Branch::preCommitted)
                .map(Branch::participant)
                .collect(Collectors.toSet());
        var conflicts = new LinkedHashMap<String, BranchState>();
        branches.stream()
                .filter(branch -> branch.conflict() != null)
                .forEach(branch -> conflicts.put(branch.participant(), branch.conflict()));
        return new TxState(
                txId,
                protocol,
                participants(),
                epoch,
                state.phase(),
                votes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    /** Whether a branch ended against the decision: atomicity is violated, and an operator must resolve it. */
    public boolean conflict() {
        return branches.stream().anyMatch(branch -> branch.conflict() != null);
    }

    public List<String> participants() {
        return branches.stream().map(Branch::participant).toList();
    }

    public Map<String, JsonNode> payloads() {
        return branches.stream().collect(Collectors.toMap(Branch::participant, Branch::payload));
    }
}
