package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.log.TransactionEvent.Begun;
import dev.txsuite.coordinator.log.TransactionEvent.BranchAcknowledged;
import dev.txsuite.coordinator.log.TransactionEvent.BranchConflict;
import dev.txsuite.coordinator.log.TransactionEvent.BranchPreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.Completed;
import dev.txsuite.coordinator.log.TransactionEvent.Decided;
import dev.txsuite.coordinator.log.TransactionEvent.DeliveryFailed;
import dev.txsuite.coordinator.log.TransactionEvent.OperatorAction;
import dev.txsuite.coordinator.log.TransactionEvent.PreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.TakenOver;
import dev.txsuite.coordinator.log.TransactionEvent.VoteReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a transaction's history: {@code type} is the event's short name ({@code vote-received}),
 * {@code participant} the branch it is about (null for the transaction as a whole), {@code detail} what happened,
 * for a person ("NO OUT_OF_STOCK", "coordinator-2 took over from coordinator-1 at epoch 2").
 */
public record TimelineEntry(Instant time, String type, String participant, String detail) {

    static TimelineEntry of(TransactionEvent event) {
        return switch (event) {
            case Begun begun ->
                entry(
                        begun,
                        null,
                        prepareName(begun.protocol()) + " sent to " + String.join(", ", begun.participants()));
            case TakenOver takenOver -> entry(takenOver, null, takeover(takenOver));
            case VoteReceived vote -> entry(vote, vote.participant(), withReason(vote.vote(), vote.reason()));
            case PreCommitted preCommitted -> entry(preCommitted, null, "PRE-COMMIT sent");
            case BranchPreCommitted branch -> entry(branch, branch.participant(), "PRE-COMMIT acknowledged");
            case Decided decided -> entry(decided, null, withReason(decided.decision(), decided.reason()));
            case BranchAcknowledged acknowledged ->
                entry(acknowledged, acknowledged.participant(), "decision acknowledged");
            case BranchConflict conflict ->
                entry(conflict, conflict.participant(), "ended " + conflict.state() + " against the decision");
            case DeliveryFailed failed ->
                entry(
                        failed,
                        failed.participant(),
                        failed.message() + " not delivered (attempt " + failed.attempt() + "): " + failed.error());
            case OperatorAction action ->
                entry(
                        action,
                        null,
                        action.action() + " by " + action.operator()
                                + (action.note() == null ? "" : ": " + action.note()));
            case Completed completed -> entry(completed, null, completed.outcome());
        };
    }

    /**
     * The lines the log's own records give, each with the short type of the event that once said the same: the
     * transaction's record, PRE-COMMIT, decision and end, and every branch's vote, PRE-COMMIT acknowledgement and
     * acknowledgement (not that of a branch that ended against the decision: its conflict has a line of its own).
     */
    static List<TimelineEntry> ofLog(LoggedTransaction tx) {
        var entries = new ArrayList<TimelineEntry>();
        var protocol = tx.protocol().label();
        var prepared = tx.participants().stream()
                .filter(participant -> !participant.equals(tx.initiator()))
                .toList();
        add(
                entries,
                tx.createdAt(),
                Begun.TYPE,
                null,
                prepareName(protocol) + " sent to " + String.join(", ", prepared)
                        + (tx.initiator() == null ? "" : "; " + tx.initiator() + " began it, prepared"));
        add(entries, tx.preCommittedAt(), PreCommitted.TYPE, null, "PRE-COMMIT sent");
        if (tx.decision() != null) {
            add(
                    entries,
                    tx.decidedAt(),
                    Decided.TYPE,
                    null,
                    withReason(tx.decision().name(), tx.reason()));
        }
        if (tx.state() == TransactionState.COMMITTED || tx.state() == TransactionState.ABORTED) {
            add(entries, tx.endedAt(), Completed.TYPE, null, tx.state().name());
        }
        for (var branch : tx.branches()) {
            if (branch.vote() != null) {
                var vote = branch.vote();
                add(
                        entries,
                        branch.votedAt(),
                        VoteReceived.TYPE,
                        branch.participant(),
                        withReason(vote.isYes() ? "YES" : "NO", vote.reason()));
            }
            add(
                    entries,
                    branch.preCommittedAt(),
                    BranchPreCommitted.TYPE,
                    branch.participant(),
                    "PRE-COMMIT acknowledged");
            if (branch.conflict() == null) {
                add(
                        entries,
                        branch.acknowledgedAt(),
                        BranchAcknowledged.TYPE,
                        branch.participant(),
                        "decision acknowledged");
            }
        }
        return entries;
    }

    private static void add(List<TimelineEntry> entries, Instant time, String type, String participant, String detail) {
        if (time != null) {
            entries.add(new TimelineEntry(time, shortType(type), participant, detail));
        }
    }

    /** {@code dev.txsuite.tx.vote-received.v1} is {@code vote-received}. */
    public static String shortType(String type) {
        var withoutVersion = type.substring(0, type.lastIndexOf('.'));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    private static TimelineEntry entry(TransactionEvent event, String participant, String detail) {
        return new TimelineEntry(event.time(), shortType(event.type()), participant, detail);
    }

    /** "YES", "NO OUT_OF_STOCK", "ABORT VOTE_TIMEOUT". */
    private static String withReason(String what, String reason) {
        return reason == null ? what : what + " " + reason;
    }

    private static String prepareName(String protocol) {
        return "3PC".equals(protocol) ? "CAN-COMMIT" : "PREPARE";
    }

    private static String takeover(TakenOver takenOver) {
        if (takenOver.previousOwner().equals(takenOver.newOwner())) {
            // an operator's abort raises the epoch of a transaction this instance already ran, to fence its old run
            return takenOver.newOwner() + " took over again at epoch " + takenOver.epoch();
        }
        return takenOver.newOwner() + " took over from " + takenOver.previousOwner() + " at epoch " + takenOver.epoch();
    }
}
