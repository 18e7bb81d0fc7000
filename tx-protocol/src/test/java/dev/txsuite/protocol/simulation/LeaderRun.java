package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Termination;
import dev.txsuite.protocol.participant.TerminationPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A termination protocol a participant leads, as tx-participant's LeadTermination runs it: one call at a time,
 * so that other nodes act in between. It asks every other participant CAN-COMMIT listed for its state, reads
 * its own again, and unless {@link Termination#leader} names another participant (it then waits for that one),
 * applies {@link Termination#plan} and sends PRE-COMMIT to {@code preCommitFirst} and the decision to {@code
 * tell}, with the epoch its own branch had seen.
 */
final class LeaderRun {

    /** A message of the plan, to the leader itself or to a peer. */
    record Call(String to, BranchMessage message) {}

    private final String self;
    private final String txId;
    private final long epoch;
    private final List<String> participants;
    private final Deque<String> unasked = new ArrayDeque<>();
    private final Map<String, BranchState> states = new LinkedHashMap<>();
    private final Deque<Call> calls = new ArrayDeque<>();
    private TerminationPlan plan;
    private String deferredTo;

    LeaderRun(String self, Branch own) {
        this.self = self;
        this.txId = own.txId();
        this.epoch = own.epoch();
        this.participants = own.participants();
        states.put(self, own.state());
        participants.stream().filter(name -> !name.equals(self)).forEach(unasked::add);
    }

    Optional<String> nextToAsk() {
        return Optional.ofNullable(unasked.poll());
    }

    /** @param state empty when the peer did not answer: it is left out, presumed crashed */
    void heard(String peer, Optional<BranchState> state) {
        state.ifPresent(answer -> states.put(peer, answer));
    }

    /** Planned, or found that another participant leads. */
    boolean planned() {
        return plan != null || deferredTo != null;
    }

    /** The participant this one waits for, once {@link #plan} found that it leads. */
    Optional<String> deferredTo() {
        return Optional.ofNullable(deferredTo);
    }

    Map<String, BranchState> states() {
        return states;
    }

    /**
     * @param ownState the leader's branch state now: a peer's message may have moved it since the run began
     * @return the plan, or empty when another participant leads
     */
    Optional<TerminationPlan> plan(BranchState ownState) {
        states.put(self, ownState);
        var leader = Termination.leader(participants, states);
        if (leader.isPresent() && !leader.get().equals(self)) {
            deferredTo = leader.get();
            return Optional.empty();
        }
        plan = Termination.plan(states).orElseThrow();
        plan.preCommitFirst().forEach(name -> calls.add(new Call(name, new BranchMessage.PreCommit(txId, epoch))));
        BranchMessage decision = plan.decision() == Decision.COMMIT
                ? new BranchMessage.Commit(txId, epoch)
                : new BranchMessage.Abort(txId, epoch, Reasons.COORDINATOR_LOST);
        plan.tell().forEach(name -> calls.add(new Call(name, decision)));
        return Optional.of(plan);
    }

    Optional<Call> nextCall() {
        return Optional.ofNullable(calls.poll());
    }

    boolean done() {
        return planned() && calls.isEmpty();
    }
}
