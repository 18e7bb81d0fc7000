package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three-phase commit's termination protocol (Skeen), as DESIGN.md section 4 states it. A leader (a participant
 * whose timer expired and that cannot reach the coordinator, or a coordinator instance recovering a
 * transaction whose PRE-COMMIT it had logged) collects the states of the participants it can reach, then:
 *
 * <ol>
 *   <li>any COMMITTED: commit;
 *   <li>else any ABORTED: abort;
 *   <li>else any PRE-COMMITTED: send PRE-COMMIT to the READY ones, then commit;
 *   <li>else (all READY, or never prepared): abort.
 * </ol>
 *
 * <p>Participants it cannot reach are presumed crashed: when they come back, their own timer runs the same
 * rules and finds the outcome. That presumption is exactly where 3PC breaks under a network partition: a
 * PRE-COMMITTED participant cut off from READY ones commits while they abort.
 *
 * <p>Skeen's protocol has one leader at a time (a backup coordinator), and so must this: two participants
 * whose timers expire together read the states at different moments, and one may abort on "all READY" while
 * the other commits on a PRE-COMMITTED it saw a moment later. {@link #leader} elects it without messages of
 * its own: the first participant, in CAN-COMMIT's order, that answered and is still in doubt. A participant
 * that is not the leader waits for it; one that cannot reach any participant before it in that order leads,
 * since under crash failures those are down.
 */
public final class Termination {

    private Termination() {}

    /**
     * @param reachable the state of every participant that answered, the leader's own included when it is a
     *     participant; {@link BranchState#NONE} for one that never heard of the transaction
     * @return what to do, or empty when nobody answered (try again later)
     */
    public static Optional<TerminationPlan> plan(Map<String, BranchState> reachable) {
        if (reachable.isEmpty()) {
            return Optional.empty();
        }
        var states = reachable.values();
        if (states.contains(BranchState.COMMITTED)) {
            return Optional.of(commit(reachable, List.of()));
        }
        if (states.contains(BranchState.ABORTED)) {
            return Optional.of(abort(reachable));
        }
        if (states.contains(BranchState.PRE_COMMITTED)) {
            return Optional.of(commit(reachable, inState(reachable, BranchState.PREPARED)));
        }
        return Optional.of(abort(reachable));
    }

    /**
     * Who leads the termination among the participants that answered, when none of them has an outcome yet.
     *
     * @param participants every participant, in the order CAN-COMMIT listed them (the same at every participant)
     * @param reachable the states that answered, as for {@link #plan}
     * @return the first participant of {@code participants} whose answer is in doubt; empty when an answer is
     *     final (whoever sees it may finish the transaction) or nobody in doubt answered
     */
    public static Optional<String> leader(List<String> participants, Map<String, BranchState> reachable) {
        if (reachable.values().stream().anyMatch(BranchState::isFinal)) {
            return Optional.empty();
        }
        return participants.stream()
                .filter(name ->
                        reachable.containsKey(name) && reachable.get(name).isInDoubt())
                .findFirst();
    }

    /** A branch that never heard of the transaction cannot commit it; it is left out of a COMMIT. */
    private static TerminationPlan commit(Map<String, BranchState> reachable, List<String> preCommitFirst) {
        var tell = reachable.entrySet().stream()
                .filter(entry ->
                        entry.getValue() == BranchState.PREPARED || entry.getValue() == BranchState.PRE_COMMITTED)
                .map(Map.Entry::getKey)
                .toList();
        return new TerminationPlan(Decision.COMMIT, preCommitFirst, tell);
    }

    /** An ABORT to a branch that never heard of the transaction leaves a tombstone, so a late CAN-COMMIT votes NO. */
    private static TerminationPlan abort(Map<String, BranchState> reachable) {
        var tell = reachable.entrySet().stream()
                .filter(entry -> !entry.getValue().isFinal())
                .map(Map.Entry::getKey)
                .toList();
        return new TerminationPlan(Decision.ABORT, List.of(), tell);
    }

    private static List<String> inState(Map<String, BranchState> reachable, BranchState state) {
        return reachable.entrySet().stream()
                .filter(entry -> entry.getValue() == state)
                .map(Map.Entry::getKey)
                .toList();
    }
}
