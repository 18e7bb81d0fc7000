package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.BranchStates;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitAcked;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitFailed;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Refused;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.LogPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.QueryBranches;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordConflict;
import dev.txsuite.protocol.coordinator.TxOutput.RecordPreCommitAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import dev.txsuite.protocol.coordinator.TxOutput.TellInitiator;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Termination;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The coordinator of two-phase commit (presumed abort) and three-phase commit: (state, input) to (state,
 * outputs). Pure and deterministic; the caller sends the messages, writes the log and fires the timers.
 *
 * <p>3PC adds a phase between the votes and the decision: PRE-COMMIT is force-logged and sent, and COMMIT is
 * decided once every participant acknowledged it or was given up on as crashed. A coordinator that recovers a
 * transaction in that phase does not simply commit: while it was gone the participants may have run the
 * termination protocol and aborted, so it leads the termination protocol itself ({@link Termination}).
 *
 * <p>A transaction may be begun by one of its participants, the initiator ({@link TxState#begunBy}), which has
 * prepared its own branch and voted YES with the begin, so that the coordinator never sends it PREPARE; the decision
 * reaches it as the answer to its begin ({@link TxOutput.TellInitiator}), counted as acknowledged at once. Under 3PC it
 * is pre-committed like every other participant.
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
            case PreCommitAcked acked -> onPreCommitted(state, acked.participant(), true);
            case PreCommitFailed failed -> onPreCommitted(state, failed.participant(), false);
            case Acked acked -> onAck(state, acked.participant());
            case Refused refused -> onRefused(state, refused.participant(), refused.theirs());
            case BranchStates states -> onBranchStates(state, states);
            case Retry retry -> resend(state);
            case Recover recover -> onRecover(state);
        };
    }

    /** PREPARE to every participant but the initiator, whose vote came with the begin. */
    private static TxStep onStart(TxState state) {
        if (state.phase() != TxPhase.PREPARING
                || state.votes().keySet().stream().anyMatch(name -> !name.equals(state.initiator()))) {
            return unchanged(state);
        }
        List<TxOutput> outputs = new ArrayList<>();
        state.participants().stream()
                .filter(name -> !state.votes().containsKey(name))
                .forEach(name -> outputs.add(new SendPrepare(name)));
        return everyoneVoted(state) ? allYes(state, outputs) : new TxStep(state, outputs);
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
        if (!everyoneVoted(next)) {
            return new TxStep(next, outputs);
        }
        return allYes(next, outputs);
    }

    private static boolean everyoneVoted(TxState state) {
        return state.votes().size() == state.participants().size();
    }

    /** Every vote is YES: 3PC pre-commits every participant, the initiator included; 2PC commits. */
    private static TxStep allYes(TxState state, List<TxOutput> outputs) {
        if (state.protocol() == Protocol.THREE_PHASE) {
            outputs.add(new LogPreCommit());
            state.participants().forEach(name -> outputs.add(new SendPreCommit(name)));
            return new TxStep(state.preCommitting(), outputs);
        }
        return decide(state, Decision.COMMIT, null, outputs);
    }

    private static TxStep onTimeout(TxState state) {
        if (state.phase() == TxPhase.PRE_COMMITTING) {
            return decide(state, Decision.COMMIT, null, new ArrayList<>());
        }
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

    /** An acknowledgement is recorded; a participant given up on is only counted, so recovery asks it again. */
    private static TxStep onPreCommitted(TxState state, String participant, boolean acknowledged) {
        if (state.phase() != TxPhase.PRE_COMMITTING
                || !state.participants().contains(participant)
                || state.preCommitted().contains(participant)) {
            return unchanged(state);
        }
        List<TxOutput> outputs = new ArrayList<>();
        if (acknowledged) {
            outputs.add(new RecordPreCommitAck(participant));
        }
        return commitOncePreCommitted(state.withPreCommitted(Set.of(participant)), outputs);
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

    /**
     * A branch that ended against what this coordinator is doing. Before the decision (3PC, PRE-COMMIT refused
     * by an aborted branch) the transaction aborts with it: nothing can have committed without this
     * coordinator's COMMIT or a PRE-COMMITTED branch, and the one that refused shows the participants decided
     * to abort. After the decision it is a split outcome: recorded, never hidden, and nothing more is sent to it.
     */
    private static TxStep onRefused(TxState state, String participant, BranchState theirs) {
        if (!state.participants().contains(participant) || !theirs.isFinal()) {
            return unchanged(state);
        }
        if (state.phase() == TxPhase.PRE_COMMITTING && theirs == BranchState.ABORTED) {
            return decide(state, Decision.ABORT, Reasons.COORDINATOR_LOST, new ArrayList<>());
        }
        var against = state.decision() == Decision.COMMIT ? BranchState.ABORTED : BranchState.COMMITTED;
        if (state.decision() == null
                || state.phase() == TxPhase.ENDED
                || theirs != against
                || state.conflicts().containsKey(participant)) {
            return unchanged(state);
        }
        List<TxOutput> outputs = new ArrayList<>();
        outputs.add(new RecordConflict(participant, theirs));
        return endIfAllAcked(state.withConflict(participant, theirs), outputs);
    }

    /**
     * 3PC recovery leads the termination protocol over the branches that answered. A COMMIT plan first sends
     * PRE-COMMIT to the READY branches and commits once they acknowledged; a branch that did not answer is
     * presumed crashed and not waited for.
     */
    private static TxStep onBranchStates(TxState state, BranchStates states) {
        if (state.phase() != TxPhase.PRE_COMMITTING) {
            return unchanged(state);
        }
        var reachable = new LinkedHashMap<>(states.reachable());
        reachable.keySet().retainAll(state.participants());
        var plan = Termination.plan(reachable);
        if (plan.isEmpty()) {
            return unchanged(state);
        }
        if (plan.get().decision() == Decision.ABORT) {
            return decide(state, Decision.ABORT, Reasons.COORDINATOR_RECOVERY, new ArrayList<>());
        }
        var waitFor = plan.get().preCommitFirst();
        Set<String> accountedFor = new HashSet<>(state.participants());
        waitFor.forEach(accountedFor::remove);
        List<TxOutput> outputs = new ArrayList<>();
        reachable.forEach((name, branch) -> {
            if (branch == BranchState.PRE_COMMITTED && !state.preCommitted().contains(name)) {
                outputs.add(new RecordPreCommitAck(name));
            }
        });
        waitFor.forEach(name -> outputs.add(new SendPreCommit(name)));
        return commitOncePreCommitted(state.withPreCommitted(accountedFor), outputs);
    }

    private static TxStep onRecover(TxState state) {
        return switch (state.phase()) {
            // Presumed abort: nothing was forced, so no participant can have been told to commit. Under 3PC no
            // PRE-COMMIT was logged either, so no participant can be PRE-COMMITTED.
            case PREPARING -> decide(state, Decision.ABORT, Reasons.COORDINATOR_RECOVERY, new ArrayList<>());
            case PRE_COMMITTING -> new TxStep(state, List.of(new QueryBranches()));
            case COMMITTING, ABORTING -> resend(state);
            case ENDED -> unchanged(state);
        };
    }

    private static TxStep commitOncePreCommitted(TxState state, List<TxOutput> outputs) {
        if (state.preCommitted().containsAll(state.participants())) {
            return decide(state, Decision.COMMIT, null, outputs);
        }
        return new TxStep(state, outputs);
    }

    /**
     * COMMIT is forced. So is an ABORT decided after PRE-COMMIT was logged: presumed abort no longer holds
     * then, and a recovery that lost the ABORT would lead the termination protocol again and might commit
     * branches that were already told to abort (the simulation found this, seed 7407).
     */
    private static TxStep decide(TxState state, Decision decision, String reason, List<TxOutput> outputs) {
        var decided = state.decided(decision, reason);
        var initiator = decided.initiator();
        var next = initiator != null && decided.decisionRecipients().contains(initiator)
                ? decided.withAck(initiator)
                : decided;
        var forced = decision == Decision.COMMIT || state.phase() == TxPhase.PRE_COMMITTING;
        outputs.add(new LogDecision(decision, reason, forced));
        if (next != decided) {
            outputs.add(new TellInitiator(initiator, decision));
            outputs.add(new RecordAck(initiator));
        }
        next.decisionRecipients().stream()
                .filter(name -> !next.acked().contains(name))
                .forEach(name -> outputs.add(new SendDecision(name, decision)));
        return endIfAllAcked(next, outputs);
    }

    private static TxStep resend(TxState state) {
        List<TxOutput> outputs = new ArrayList<>();
        switch (state.phase()) {
            case PRE_COMMITTING ->
                state.participants().stream()
                        .filter(name -> !state.preCommitted().contains(name))
                        .forEach(name -> outputs.add(new SendPreCommit(name)));
            case COMMITTING, ABORTING ->
                state.decisionRecipients().stream()
                        .filter(name -> !state.acked().contains(name))
                        .forEach(name -> outputs.add(new SendDecision(name, state.decision())));
            case PREPARING, ENDED -> {
                return unchanged(state);
            }
        }
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
