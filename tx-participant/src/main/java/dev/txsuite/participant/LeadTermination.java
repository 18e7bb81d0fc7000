package dev.txsuite.participant;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Termination;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three-phase commit's termination protocol, led by this participant when its branch's timer expired and the
 * coordinator cannot be reached: collect the states of the participants CAN-COMMIT listed (this branch's own
 * included), apply {@link Termination}'s rules, and carry the plan out: PRE-COMMIT first, then the decision.
 * Messages to this participant are applied locally, to the others over HTTP. No database transaction or lock is
 * held across a call, and a message that fails (after its short retries) is left to the branch's re-armed timer
 * and the other participants' own timers.
 *
 * <p>One leader at a time, as in Skeen's protocol: when the participants that answered are all still in doubt,
 * the first of them in CAN-COMMIT's order leads ({@link Termination#leader}) and the others wait for it, their
 * timers re-armed. Under crash failures the participants before this one that did not answer are down, so
 * two participants never lead at once.
 *
 * <p>Only a call that failed leaves a participant out. One that this service did not even make, because the
 * peer's circuit breaker is open or its bulkhead full, proves nothing about the peer: leaving out a participant
 * that is alive, and perhaps PRE-COMMITTED, is how 3PC splits. The run is then put off to the next expiry.
 */
class LeadTermination {

    private static final Logger log = LoggerFactory.getLogger(LeadTermination.class);

    private final ParticipantLog participantLog;
    private final PeerBranches peerBranches;
    private final ApplyBranchMessage applyBranchMessage;
    private final String self;

    LeadTermination(
            ParticipantLog participantLog,
            PeerBranches peerBranches,
            ApplyBranchMessage applyBranchMessage,
            String self) {
        this.participantLog = participantLog;
        this.peerBranches = peerBranches;
        this.applyBranchMessage = applyBranchMessage;
        this.self = self;
    }

    /** @param why the coordinator could not be reached, for the log */
    void run(String txId, String why) {
        // read again: a message may have settled the branch since its timer expired
        var own = participantLog.find(txId).filter(branch -> branch.state().isInDoubt());
        if (own.isEmpty()) {
            return;
        }
        var branch = own.get();
        var participants = participantLog.peers(txId);
        var others =
                participants.stream().filter(peer -> !peer.name().equals(self)).toList();
        var states = new LinkedHashMap<String, BranchState>();
        states.put(self, branch.state());
        try {
            others.forEach(peer -> peerBranches.stateOf(peer, txId).ifPresent(state -> states.put(peer.name(), state)));
        } catch (CallNotPermittedException | BulkheadFullException e) {
            log.info(
                    "transaction {}: the coordinator cannot be reached ({}), but not every participant could be asked"
                            + " ({}); the termination protocol waits for the branch's next expiry",
                    txId,
                    why,
                    e.getMessage());
            return;
        }
        // and again: a leader's PRE-COMMIT may have arrived while the peers were asked
        var now = participantLog.find(txId).map(Branch::state).orElse(branch.state());
        if (now.isFinal()) {
            return;
        }
        states.put(self, now);
        var leader = Termination.leader(participants.stream().map(Peer::name).toList(), states);
        if (leader.isPresent() && !leader.get().equals(self)) {
            log.info(
                    "transaction {}: the coordinator cannot be reached ({}); states {}: {} leads the termination"
                            + " protocol, {} waits for it",
                    txId,
                    why,
                    states,
                    leader.get(),
                    self);
            return;
        }
        var plan = Termination.plan(states).orElseThrow();
        log.info(
                "transaction {}: the coordinator cannot be reached ({}); {} leads the termination protocol, states {}"
                        + " -> {}",
                txId,
                why,
                self,
                states,
                plan.decision());
        plan.preCommitFirst().forEach(name -> send(name, new BranchMessage.PreCommit(txId, branch.epoch()), others));
        var decision = plan.decision() == Decision.COMMIT
                ? new BranchMessage.Commit(txId, branch.epoch())
                : new BranchMessage.Abort(txId, branch.epoch(), Reasons.COORDINATOR_LOST);
        plan.tell().forEach(name -> send(name, decision, others));
    }

    private void send(String name, BranchMessage message, List<Peer> others) {
        if (name.equals(self)) {
            applyBranchMessage.apply(message, null);
        } else {
            others.stream().filter(peer -> peer.name().equals(name)).forEach(peer -> peerBranches.send(peer, message));
        }
    }
}
