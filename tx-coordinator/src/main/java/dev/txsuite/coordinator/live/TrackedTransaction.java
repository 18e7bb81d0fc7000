package dev.txsuite.coordinator.live;

import dev.txsuite.coordinator.live.LiveTransactions.Event;
import dev.txsuite.coordinator.live.LiveTransactions.LiveTransaction;
import dev.txsuite.coordinator.live.LiveTransactions.Participant;
import dev.txsuite.coordinator.log.NewTransaction;
import dev.txsuite.coordinator.log.TimelineEntry;
import dev.txsuite.coordinator.log.TransactionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the events of one transaction told so far. The outbox relays events asynchronously and resends those
 * it was not sure of, so they can arrive late, twice or out of order (an ack after the completion, a vote
 * before the begun): every event only adds what it knows, whatever came before, and an event id already
 * applied is refused. Not thread-safe: {@link TransactionsLiveView} guards it.
 */
final class TrackedTransaction {

    private final String txId;
    private final Set<String> appliedEventIds = new HashSet<>();
    private final List<Event> events = new ArrayList<>();
    private Map<String, Branch> branches = new LinkedHashMap<>();
    private String protocol;
    private String owner;
    /** The epoch {@link #owner} holds the transaction at; null until known. */
    private Long epoch;

    private Instant begunAt;
    private Instant firstEventAt;
    private boolean preCommitted;
    private String decision;
    private String reason;
    private String outcome;
    private Instant endedAt;

    TrackedTransaction(String txId) {
        this.txId = txId;
    }

    boolean ended() {
        return outcome != null;
    }

    Instant startedAt() {
        return begunAt != null ? begunAt : firstEventAt;
    }

    /**
     * Whether the view can apply the event: a type it knows (a newer type or version is left alone), with the
     * participant its type needs.
     *
     * @throws IllegalArgumentException for an event of a known type that lacks its participant
     */
    static boolean applicable(ReceivedEvent event) {
        return switch (event.type()) {
            case TransactionEvent.Begun.TYPE,
                    TransactionEvent.PreCommitted.TYPE,
                    TransactionEvent.Decided.TYPE,
                    TransactionEvent.OperatorAction.TYPE,
                    TransactionEvent.Completed.TYPE -> true;
            case TransactionEvent.TakenOver.TYPE -> {
                if (event.text("newOwner") == null
                        || !event.data().path("epoch").isIntegralNumber()) {
                    throw new IllegalArgumentException(event.type() + " without its new owner and epoch");
                }
                yield true;
            }
            case TransactionEvent.VoteReceived.TYPE,
                    TransactionEvent.BranchPreCommitted.TYPE,
                    TransactionEvent.BranchAcknowledged.TYPE,
                    TransactionEvent.BranchConflict.TYPE,
                    TransactionEvent.DeliveryFailed.TYPE -> {
                if (event.text("participant") == null) {
                    throw new IllegalArgumentException(event.type() + " without a participant");
                }
                yield true;
            }
            default -> false;
        };
    }

    /** Applies an {@link #applicable} event unless it was applied before; true if applied. */
    boolean apply(ReceivedEvent event) {
        if (!appliedEventIds.add(event.eventId())) {
            return false;
        }
        if (firstEventAt == null || event.time().isBefore(firstEventAt)) {
            firstEventAt = event.time();
        }
        var participant = event.text("participant");
        switch (event.type()) {
            case TransactionEvent.Begun.TYPE -> begun(event);
            case TransactionEvent.TakenOver.TYPE ->
                owned(event.text("newOwner"), event.data().path("epoch").asLong());
            case TransactionEvent.VoteReceived.TYPE ->
                branch(participant).voted(event.text("vote"), event.text("reason"));
            case TransactionEvent.PreCommitted.TYPE -> preCommitted = true;
            case TransactionEvent.BranchPreCommitted.TYPE -> branch(participant).preCommitted = true;
            case TransactionEvent.Decided.TYPE -> {
                decision = event.text("decision");
                reason = event.text("reason");
            }
            case TransactionEvent.BranchAcknowledged.TYPE -> branch(participant).acknowledged = true;
            case TransactionEvent.BranchConflict.TYPE ->
                branch(participant).endedAgainstTheDecision(event.text("state"));
            case TransactionEvent.Completed.TYPE -> {
                outcome = event.text("outcome");
                endedAt = event.time();
            }
            // history only: a retried message, an operator's hand
            case TransactionEvent.DeliveryFailed.TYPE, TransactionEvent.OperatorAction.TYPE -> {}
            default -> throw new IllegalStateException("unknown event type " + event.type());
        }
        events.add(new Event(TimelineEntry.shortType(event.type()), participant, event.time()));
        return true;
    }

    LiveTransaction view(Instant now) {
        var started = startedAt();
        return new LiveTransaction(
                txId,
                protocol,
                phase(),
                owner,
                epoch,
                started,
                Math.max(0, Duration.between(started, now).toMillis()),
                decision,
                reason,
                outcome,
                endedAt,
                endedAt == null
                        ? null
                        : Math.max(0, Duration.between(started, endedAt).toMillis()),
                branches.values().stream().map(Branch::view).toList(),
                events.stream().sorted(Comparator.comparing(Event::time)).toList());
    }

    private void begun(ReceivedEvent event) {
        protocol = event.text("protocol");
        owned(event.text("owner"), NewTransaction.FIRST_EPOCH);
        begunAt = event.time();
        // the begun event knows the order PREPARE went out in; branches a vote or ack created first keep theirs
        var ordered = new LinkedHashMap<String, Branch>();
        event.data().path("participants").forEach(name -> ordered.put(name.asString(), branch(name.asString())));
        ordered.putAll(branches);
        branches = ordered;
    }

    /** The highest epoch's owner stands, whichever order the begun and taken-over events arrive in. */
    private void owned(String by, long atEpoch) {
        if (epoch == null || atEpoch > epoch) {
            owner = by;
            epoch = atEpoch;
        }
    }

    private Branch branch(String participant) {
        return branches.computeIfAbsent(participant, Branch::new);
    }

    private String phase() {
        if (outcome != null) {
            return "ENDED";
        }
        if (decision == null) {
            return preCommitted ? "PRE_COMMITTING" : "PREPARING";
        }
        return "COMMIT".equals(decision) ? "COMMITTING" : "ABORTING";
    }

    private static final class Branch {

        private final String participant;
        private String vote;
        private String reason;
        private boolean acknowledged;
        private boolean preCommitted;
        private String conflict;

        Branch(String participant) {
            this.participant = participant;
        }

        void voted(String vote, String reason) {
            this.vote = vote;
            this.reason = reason;
        }

        /** As in the log, a conflict also counts as the branch's acknowledgement: nothing more is sent to it. */
        void endedAgainstTheDecision(String state) {
            conflict = state;
            acknowledged = true;
        }

        Participant view() {
            return new Participant(participant, vote, reason, acknowledged, preCommitted, conflict);
        }
    }
}
