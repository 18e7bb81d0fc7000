package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
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
 * @param acked the participants that acknowledged the decision
 * @param decision null until decided
 * @param reason why it aborted (the first NO vote's reason), or null
 */
public record TxState(
        String txId,
        Protocol protocol,
        List<String> participants,
        long epoch,
        TxPhase phase,
        Map<String, Vote> votes,
        Set<String> acked,
        Decision decision,
        String reason) {

    public TxState {
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a transaction needs at least one participant");
        }
        participants = List.copyOf(participants);
        votes = Map.copyOf(votes);
        acked = Set.copyOf(acked);
    }

    /** A transaction that has just been recorded, before any PREPARE was sent. */
    public static TxState begin(String txId, Protocol protocol, List<String> participants, long epoch) {
        return new TxState(txId, protocol, participants, epoch, TxPhase.PREPARING, Map.of(), Set.of(), null, null);
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

    TxState withVote(String participant, Vote vote) {
        var newVotes = new LinkedHashMap<>(votes);
        newVotes.put(participant, vote);
        return new TxState(txId, protocol, participants, epoch, phase, newVotes, acked, decision, reason);
    }

    TxState decided(Decision newDecision, String newReason) {
        var newPhase = newDecision == Decision.COMMIT ? TxPhase.COMMITTING : TxPhase.ABORTING;
        return new TxState(txId, protocol, participants, epoch, newPhase, votes, acked, newDecision, newReason);
    }

    TxState withAck(String participant) {
        var newAcked = new LinkedHashSet<>(acked);
        newAcked.add(participant);
        return new TxState(txId, protocol, participants, epoch, phase, votes, newAcked, decision, reason);
    }

    TxState ended() {
        return new TxState(txId, protocol, participants, epoch, TxPhase.ENDED, votes, acked, decision, reason);
    }
}
