package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
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
import java.util.Set;

/**
 * The coordinator's decision log as its database keeps it. The transaction record, PRE-COMMIT, a COMMIT
 * decision and a new owner's epoch are forced: durable when written. Everything else (votes, acknowledgements,
 * an ABORT decision, the end) is committed without waiting for the disk ({@code synchronous_commit = off}):
 * visible at once, durable only once flushed, in order, and lost if the coordinator crashes before that.
 */
final class CoordinatorLog {

    private final TxState begun;
    private final List<TxOutput> durable = new ArrayList<>();
    private final List<TxOutput> buffered = new ArrayList<>();
    private long epoch;

    CoordinatorLog(TxState begun) {
        this.begun = begun;
        this.epoch = begun.epoch();
    }

    void write(TxOutput entry) {
        if (entry instanceof LogPreCommit || entry instanceof LogDecision decision && decision.forced()) {
            flush(buffered.size());
            durable.add(entry);
        } else {
            buffered.add(entry);
        }
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

    /** What a coordinator that restarts finds. */
    TxState durableState() {
        return replay(durable);
    }

    /** What the database shows while it runs: what {@code GET /tx/transactions/{txId}} answers from. */
    TxState visibleState() {
        var all = new ArrayList<>(durable);
        all.addAll(buffered);
        return replay(all);
    }

    private TxState replay(List<TxOutput> entries) {
        var phase = TxPhase.PREPARING;
        Map<String, Vote> votes = new LinkedHashMap<>();
        Set<String> acked = new HashSet<>();
        Set<String> preCommitted = new HashSet<>();
        Map<String, BranchState> conflicts = new LinkedHashMap<>();
        Decision decision = null;
        String reason = null;
        for (var entry : entries) {
            switch (entry) {
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
                default -> throw new IllegalArgumentException("not a log write: " + entry);
            }
        }
        return new TxState(
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
                reason);
    }
}
