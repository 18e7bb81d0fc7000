package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.OnTimeout;
import dev.txsuite.protocol.participant.ParticipantMachine;
import dev.txsuite.protocol.simulation.Envelope.Request;
import java.util.List;
import java.util.Optional;

/**
 * What an expired branch timer does, as tx-participant's ResolveExpiredBranches and LeadTermination do it: ask
 * the coordinator, which answers from its log; if it cannot be reached, a 2PC branch stays in doubt and a 3PC
 * branch leads the termination protocol, one call at a time.
 */
final class ParticipantTimers {

    private final Cluster cluster;

    ParticipantTimers(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The participants whose branch is in doubt and whose timer may fire now. */
    List<String> due() {
        return cluster.timeMayPass() ? cluster.participantsWhere(Participant::timerDue) : List.of();
    }

    /** The branch's deadline passed: ask the coordinator, else block (2PC) or lead the termination (3PC). */
    void fire(String name) {
        var trace = cluster.trace();
        trace.next();
        var participant = cluster.participant(name);
        var branch = participant.branch();
        if (cluster.reaches(name, Cluster.COORDINATOR) && !cluster.unreliable(6)) {
            if (!cluster.coordinatorLog().recorded()) {
                cluster.presumeAbort();
            }
            var logged = cluster.coordinatorLog().visibleState().orElseThrow();
            if (logged.decision() == null) {
                trace.add(() -> name + "'s timer: the coordinator has not decided; " + name + " waits");
                return;
            }
            cluster.count(Happened.DECISION_FROM_THE_COORDINATOR_LOG);
            trace.add(() -> name + "'s timer: the coordinator's log says " + logged.decision());
            // a logged decision is final whichever instance reports it; its epoch matters only when newer
            long epoch = Math.max(branch.epoch(), logged.epoch());
            var decision = RunInputs.decision(Cluster.TX, logged.decision(), logged.reason(), epoch);
            cluster.send(new Request(Cluster.COORDINATOR, name, decision, 0));
        } else if (ParticipantMachine.timedOut(branch) == OnTimeout.ASK_COORDINATOR_ELSE_TERMINATE) {
            participant.lead(new LeaderRun(name, branch));
            trace.key(() ->
                    name + "'s timer: the coordinator cannot be reached; " + name + " leads the termination protocol");
        } else {
            cluster.count(Happened.IN_DOUBT_AND_COORDINATOR_UNREACHABLE);
            trace.add(
                    () -> name + "'s timer: the coordinator cannot be reached; the 2PC branch stays " + branch.state());
        }
    }

    List<String> leaders() {
        return cluster.participantsWhere(participant -> participant.leading() != null);
    }

    /** One call of a termination the participant leads: ask a peer, plan, or send one message of the plan. */
    void leaderStep(String name) {
        var trace = cluster.trace();
        trace.next();
        var leader = cluster.participant(name);
        var run = leader.leading();
        var peer = run.nextToAsk();
        if (peer.isPresent()) {
            var state = stateOf(name, peer.get());
            run.heard(peer.get(), state);
            trace.add(() -> name + " asks " + peer.get() + ": "
                    + state.map(BranchState::name).orElse("no answer"));
        } else if (!run.planned()) {
            var planned = run.plan(leader.branch().state());
            if (planned.isEmpty()) {
                cluster.count(Happened.TERMINATION_DEFERRED);
                trace.add(() -> name + " finds " + run.states() + ": "
                        + run.deferredTo().orElseThrow() + " leads, " + name + " waits for it");
            } else {
                var plan = planned.get();
                cluster.count(
                        plan.decision() == Decision.COMMIT ? Happened.TERMINATION_COMMIT : Happened.TERMINATION_ABORT);
                trace.key(() -> name + " terminates over " + run.states() + ": " + plan.decision() + ", PRE-COMMIT to "
                        + plan.preCommitFirst() + ", then tell " + plan.tell());
            }
        } else {
            var call = run.nextCall().orElseThrow();
            if (call.to().equals(name)) {
                cluster.apply(name, leader, call.message());
            } else {
                callPeer(name, call);
            }
        }
        if (run.done()) {
            leader.lead(null);
        }
    }

    void finishTerminations() {
        for (var name : leaders()) {
            while (cluster.participant(name).leading() != null) {
                leaderStep(name);
            }
        }
    }

    /** {@code GET /tx/branches/{txId}}: empty when the peer does not answer. */
    private Optional<BranchState> stateOf(String leader, String peer) {
        if (!cluster.reaches(leader, peer) || cluster.unreliable(6)) {
            return Optional.empty();
        }
        return Optional.of(cluster.participant(peer).branch().state());
    }

    /** Not retried: a peer that does not answer is presumed crashed. A call that timed out may still arrive. */
    private void callPeer(String leader, LeaderRun.Call call) {
        var trace = cluster.trace();
        var message = call.message();
        if (!cluster.reaches(leader, call.to())) {
            trace.add(() -> leader + " -> " + call.to() + " " + Describe.message(message) + " fails: presumed crashed");
        } else if (cluster.unreliable(8)) {
            cluster.count(Happened.MESSAGE_LOST);
            trace.add(() -> leader + " -> " + call.to() + " " + Describe.message(message) + " is lost");
        } else if (cluster.unreliable(7)) {
            trace.add(() ->
                    leader + " -> " + call.to() + " " + Describe.message(message) + " times out, still on its way");
            cluster.send(new Request(leader, call.to(), message, 0));
        } else {
            cluster.apply(leader, cluster.participant(call.to()), message);
        }
    }
}
