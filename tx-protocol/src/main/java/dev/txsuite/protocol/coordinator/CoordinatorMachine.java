package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-phase-commit coordinator with presumed abort: (state, input) to (state, outputs). Pure and
 * deterministic; the caller sends the messages, writes the log and fires the timers.
 *
 * <p>Late, repeated and out-of-order inputs are harmless: a vote after the decision, an ack from a
 * participant that owes none, or a second timeout change nothing.
 */
public final class CoordinatorMachine {

    private CoordinatorMachine() {}

    public static TxStep on(TxState state, TxInput input) {
        return switch (input) {
            case Start start -> onStart(state);
            case VoteArrived vote -> onVote(state, vote.participant(), vote.vote());
            case PrepareFailed failed -> onVote(state, failed.participant(), Vote.no(failed.reason()));
            case Timeout timeout -> onTimeout(state);
            case Acked acked -> onAck(state, acked.participant());
            case Retry retry -> resendDecision(state);
            case Recover recover -> onRecover(state);
        };
    }

    private static TxStep onStart(TxState state) {
        if (state.phase() != TxPhase.PREPARING || !state.votes().isEmpty()) {
            return unchanged(state);
        }
        List<TxOutput> outputs = new ArrayList<>();
        state.participants().forEach(name -> outputs.add(new SendPrepare(name)));
        return new TxStep(state, outputs);
    }

    private static TxStep onVote(TxState state, String participant, Vote vote) {
        if (state.phase() != TxPhase.PREPARING
                || !state.participants().contains(participant)
                || state.votes().containsKey(participant)) {
            return unchanged(state);
        }
        var next = state.withVote(participant, vote);
        List<TxOutput> outputs = new ArrayList<>();
        outputs.add(new RecordVote(participant, vote));
        if (!vote.isYes()) {
            return decide(next, Decision.ABORT, vote.reason(), outputs);
        }
        if (next.votes().size() == next.participants().size()) {
            return decide(next, Decision.COMMIT, null, outputs);
        }
        return new TxStep(next, outputs);
    }

    private static TxStep onTimeout(TxState state) {
        if (state.phase() != TxPhase.PREPARING) {
            return unchanged(state);
        }
        var next = state;
        List<TxOutput> outputs = new ArrayList<>();
        for (var name : state.participants()) {
            if (!state.votes().containsKey(name)) {
                var vote = Vote.no(Reasons.VOTE_TIMEOUT);
                next = next.withVote(name, vote);
                outputs.add(new RecordVote(name, vote));
            }
        }
        return decide(next, Decision.ABORT, Reasons.VOTE_TIMEOUT, outputs);
    }

    private static TxStep onAck(TxState state, String participant) {
        if (state.decision() == null
                || state.phase() == TxPhase.ENDED
                || !state.decisionRecipients().contains(participant)
                || state.acked().contains(participant)) {
            return unchanged(state);
        }
        var next = state.withAck(participant);
        List<TxOutput> outputs = new ArrayList<>();
        outputs.add(new RecordAck(participant));
        return endIfAllAcked(next, outputs);
    }

    private static TxStep onRecover(TxState state) {
        return switch (state.phase()) {
            // Presumed abort: nothing was forced, so no participant can have been told to commit.
            case PREPARING -> decide(state, Decision.ABORT, Reasons.COORDINATOR_RECOVERY, new ArrayList<>());
            case COMMITTING, ABORTING -> resendDecision(state);
            case ENDED -> unchanged(state);
        };
    }

    private static TxStep decide(TxState state, Decision decision, String reason, List<TxOutput> outputs) {
        var next = state.decided(decision, reason);
        outputs.add(new LogDecision(decision, reason, decision == Decision.COMMIT));
        next.decisionRecipients().forEach(name -> outputs.add(new SendDecision(name, decision)));
        return endIfAllAcked(next, outputs);
    }

    private static TxStep resendDecision(TxState state) {
        if (state.phase() != TxPhase.COMMITTING && state.phase() != TxPhase.ABORTING) {
            return unchanged(state);
        }
        List<TxOutput> outputs = new ArrayList<>();
        state.decisionRecipients().stream()
                .filter(name -> !state.acked().contains(name))
                .forEach(name -> outputs.add(new SendDecision(name, state.decision())));
        return endIfAllAcked(state, outputs);
    }

    private static TxStep endIfAllAcked(TxState state, List<TxOutput> outputs) {
        if (state.decision() != null && state.acked().containsAll(state.decisionRecipients())) {
            outputs.add(new LogEnd());
            return new TxStep(state.ended(), outputs);
        }
        return new TxStep(state, outputs);
    }

    private static TxStep unchanged(TxState state) {
        return new TxStep(state, List.of());
    }
}
