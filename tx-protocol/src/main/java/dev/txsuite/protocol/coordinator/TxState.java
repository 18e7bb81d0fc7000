package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the coordinator knows of one transaction. Immutable: every input yields a new state.
 *
 * @param participants the participant names, in the order PREPARE lists them
 * @param votes the votes received so far (a missing participant has not voted)
 * @param acked the participants that acknowledged the decision (or whose branch ended against it)
 * @param preCommitted 3PC: the participants that acknowledged PRE-COMMIT, or were given up on as crashed
 * @param conflicts the participants whose branch ended against the decision, with the state they reported
 * @param decision null until decided
 * @param reason why it aborted (the first NO vote's reason), or null
 * @param initiator the participant that began the transaction having prepared its own branch, whose vote came with
 *     the begin: it gets no PREPARE, and the decision goes to it as the answer to its begin
 *     ({@link TxOutput.TellInitiator}); null when every participant is sent PREPARE
 */
public record TxState(
        String txId,
        Protocol protocol,
        List<String> participants,
        long epoch,
        TxPhase phase,
        Map<String, Vote> votes,
        Set<String> acked,
        Set<String> preCommitted,
        Map<String, BranchState> conflicts,
        Decision decision,
        String reason,
        String initiator) {

    public TxState {
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a transaction needs at least one participant");
        }
        participants = List.copyOf(participants);
        votes = Map.copyOf(votes);
        acked = Set.copyOf(acked);
        preCommitted = Set.copyOf(preCommitted);
        conflicts = Map.copyOf(conflicts);
        if (initiator != null && !participants.contains(initiator)) {
            throw new IllegalArgumentException("the initiator " + initiator + " is not one of " + participants);
        }
    }

    /** A transaction that has just been recorded, before any PREPARE was sent. */
    public static TxState begin(String txId, Protocol protocol, List<String> participants, long epoch) {
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                TxPhase.PREPARING,
                Map.of(),
                Set.of(),
                Set.of(),
                Map.of(),
                null,
                null,
                null);
    }

    /**
     * A transaction that has just been recorded, begun by {@code initiator}, a participant that prepared its own
     * branch first and voted YES with the begin: PREPARE goes to the others only.
     */
    public static TxState begunBy(
            String initiator, String txId, Protocol protocol, List<String> participants, long epoch) {
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                TxPhase.PREPARING,
                Map.of(initiator, Vote.yes()),
                Set.of(),
                Set.of(),
                Map.of(),
                null,
                null,
                initiator);
    }

    /**
     * The participants that must receive the decision: everyone for COMMIT; for ABORT everyone but the
     * participants that voted NO themselves, who aborted on their own when they voted. A NO the coordinator
     * recorded for a participant (a timeout, a failed PREPARE: a technical reason) still gets the ABORT: the
     * PREPARE may have arrived and prepared, with only the answer late or lost.
     */
    public List<String> decisionRecipients() {
        if (decision == null) {
            return List.of();
        }
        return participants.stream()
                .filter(name -> decision == Decision.COMMIT || !abortedOnItsOwn(name))
                .toList();
    }

    public boolean votedNo(String participant) {
        var vote = votes.get(participant);
        return vote != null && !vote.isYes();
    }

    private boolean abortedOnItsOwn(String participant) {
        return votedNo(participant)
                && !Reasons.isTechnical(votes.get(participant).reason());
    }

    /** The same transaction driven by a coordinator instance that took it over, with its higher epoch. */
    public TxState takenOver(long newEpoch) {
        if (newEpoch <= epoch) {
            throw new IllegalArgumentException("a takeover raises the epoch: " + newEpoch + " <= " + epoch);
        }
        return new TxState(
                txId,
                protocol,
                participants,
                newEpoch,
                phase,
                votes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    TxState withVote(String participant, Vote vote) {
        var newVotes = new LinkedHashMap<>(votes);
        newVotes.put(participant, vote);
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                phase,
                newVotes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    TxState preCommitting() {
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                TxPhase.PRE_COMMITTING,
                votes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    TxState withPreCommitted(Set<String> more) {
        var newPreCommitted = new LinkedHashSet<>(preCommitted);
        newPreCommitted.addAll(more);
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                phase,
                votes,
                acked,
                newPreCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    TxState decided(Decision newDecision, String newReason) {
        var newPhase = newDecision == Decision.COMMIT ? TxPhase.COMMITTING : TxPhase.ABORTING;
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                newPhase,
                votes,
                acked,
                preCommitted,
                conflicts,
                newDecision,
                newReason,
                initiator);
    }

    TxState withAck(String participant) {
        var newAcked = new LinkedHashSet<>(acked);
        newAcked.add(participant);
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                phase,
                votes,
                newAcked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }

    TxState withConflict(String participant, BranchState theirs) {
        var newConflicts = new LinkedHashMap<>(conflicts);
        newConflicts.put(participant, theirs);
        return new TxState(
                        txId,
                        protocol,
                        participants,
                        epoch,
                        phase,
                        votes,
                        acked,
                        preCommitted,
                        newConflicts,
                        decision,
                        reason,
                        initiator)
                .withAck(participant);
    }

    TxState ended() {
        return new TxState(
                txId,
                protocol,
                participants,
                epoch,
                TxPhase.ENDED,
                votes,
                acked,
                preCommitted,
                conflicts,
                decision,
                reason,
                initiator);
    }
}
