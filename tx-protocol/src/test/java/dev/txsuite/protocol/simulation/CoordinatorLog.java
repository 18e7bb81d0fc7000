package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxOutput;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.LogPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordConflict;
import dev.txsuite.protocol.coordinator.TxOutput.RecordPreCommitAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.BranchState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's decision log as its database keeps it. PRE-COMMIT, a forced decision, a new owner's epoch and a
 * presumed abort are forced: durable when written, and so is everything written before them (the log is written in
 * order). Everything else (the transaction's record itself, votes, acknowledgements, an ABORT decision, the end) is
 * committed without waiting for the disk ({@code synchronous_commit = off}): visible at once, durable only once
 * flushed, in order, and lost if the coordinator crashes before that. A log without the transaction's record knows
 * nothing of it.
 */
final class CoordinatorLog {

    /** What the log holds, in the order it was written. */
    private sealed interface Entry {}

    /** The transaction, as begun: its participants, protocol, and the initiator's vote. */
    private record Recorded(TxState begun) implements Entry {}

    /** A protocol write the coordinator machine asked for. */
    private record Written(TxOutput output) implements Entry {}

    /**
     * A participant asked about a transaction the log had no record of: it was told ABORT (presumed abort), and the
     * log keeps that it did, so that the transaction's begin, if it comes later, is refused.
     */
    private record PresumedAborted() implements Entry {}

    private final Protocol protocol;
    private final List<Entry> durable = new ArrayList<>();
    private final List<Entry> buffered = new ArrayList<>();
    private long epoch = 1;

    CoordinatorLog(Protocol protocol) {
        this.protocol = protocol;
    }

    /** Records the transaction; not forced. */
    void record(TxState begun) {
        buffered.add(new Recorded(begun));
        epoch = begun.epoch();
    }

    /** Whether the transaction, or its presumed abort, is in the log as the database shows it now. */
    boolean recorded() {
        return visibleState().isPresent();
    }

    void write(TxOutput entry) {
        if (entry instanceof LogPreCommit || entry instanceof LogDecision decision && decision.forced()) {
            flush(buffered.size());
            durable.add(new Written(entry));
        } else {
            buffered.add(new Written(entry));
        }
    }

    /** Forced: a participant has been told ABORT for a transaction the log does not know. */
    void presumeAbort() {
        flush(buffered.size());
        durable.add(new PresumedAborted());
    }

    /** A new owner takes the transaction over; its epoch is forced, and with it what was buffered before. */
    void takenOver(long newEpoch) {
        flush(buffered.size());
        epoch = newEpoch;
    }

    int buffered() {
        return buffered.size();
    }

    /** The oldest {@code count} buffered writes reach the disk. */
    void flush(int count) {
        var flushed = buffered.subList(0, count);
        durable.addAll(flushed);
        flushed.clear();
    }

    void loseBuffer() {
        buffered.clear();
    }

    /** What a coordinator that restarts finds; empty when the log has no record of the transaction. */
    Optional<TxState> durableState() {
        return replay(durable);
    }

    /** What the database shows while it runs: what {@code GET /tx/transactions/{txId}} answers from. */
    Optional<TxState> visibleState() {
        var all = new ArrayList<>(durable);
        all.addAll(buffered);
        return replay(all);
    }

    private Optional<TxState> replay(List<Entry> entries) {
        TxState begun = null;
        var phase = TxPhase.PREPARING;
        Map<String, Vote> votes = new LinkedHashMap<>();
        Set<String> acked = new HashSet<>();
        Set<String> preCommitted = new HashSet<>();
        Map<String, BranchState> conflicts = new LinkedHashMap<>();
        Decision decision = null;
        String reason = null;
        for (var entry : entries) {
            switch (entry) {
                case PresumedAborted presumed -> {
                    return Optional.of(presumedAborted());
                }
                case Recorded(var state) -> {
                    begun = state;
                    votes.putAll(state.votes());
                }
                case Written(var output) -> {
                    switch (output) {
                        case RecordVote(var participant, var vote) -> votes.put(participant, vote);
                        case LogPreCommit() -> phase = TxPhase.PRE_COMMITTING;
                        case RecordPreCommitAck(var participant) -> preCommitted.add(participant);
                        case LogDecision(var logged, var why, var forced) -> {
                            decision = logged;
                            reason = why;
                            phase = logged == Decision.COMMIT ? TxPhase.COMMITTING : TxPhase.ABORTING;
                        }
                        case RecordAck(var participant) -> acked.add(participant);
                        case RecordConflict(var participant, var theirs) -> {
                            conflicts.put(participant, theirs);
                            acked.add(participant);
                        }
                        case LogEnd() -> phase = TxPhase.ENDED;
                        default -> throw new IllegalArgumentException("not a log write: " + output);
                    }
                }
            }
        }
        if (begun == null) {
            return Optional.empty();
        }
        return Optional.of(new TxState(
                begun.txId(),
                begun.protocol(),
                begun.participants(),
                epoch,
                phase,
                votes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                begun.initiator()));
    }

    /** The record a presumed abort leaves: decided ABORT and over, with no branch the log ever heard from. */
    private TxState presumedAborted() {
        return new TxState(
                Cluster.TX,
                protocol,
                Cluster.PARTICIPANTS,
                1,
                TxPhase.ENDED,
                Map.of(),
                Set.of(),
                Set.of(),
                Map.of(),
                Decision.ABORT,
                Reasons.COORDINATOR_RECOVERY,
                null);
    }
}
