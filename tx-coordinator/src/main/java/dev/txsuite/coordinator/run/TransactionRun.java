package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.BranchProgress;
import dev.txsuite.coordinator.log.DecisionAlreadyLogged;
import dev.txsuite.coordinator.log.FencedOut;
import dev.txsuite.coordinator.participant.Delivery;
import dev.txsuite.coordinator.participant.ParticipantMessages.DecisionMessage;
import dev.txsuite.coordinator.participant.ParticipantMessages.Peer;
import dev.txsuite.coordinator.participant.ParticipantMessages.PreCommit;
import dev.txsuite.coordinator.participant.ParticipantMessages.Prepare;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.CoordinatorMachine;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.BranchStates;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitAcked;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitFailed;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput;
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
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.BranchState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One transaction driven in memory. Inputs are applied to the {@link CoordinatorMachine} one at a time, under
 * a lock, and each step's outputs are carried out in order before the next input: a log write is done (and a
 * forced one durable) before the message after it leaves. Messages go out on their own threads and their
 * answers come back as inputs. Two deadlines feed {@link Timeout}: the vote deadline, armed at the start, and
 * under 3PC the PRE-COMMIT deadline, armed once PRE-COMMIT is logged (the same length again).
 *
 * <p>The run ends ({@link #settled()}) once the transaction ended, or was decided and every decision message
 * returned once; from then on the log is the only state, and the phase-two retry job takes over from it. A run
 * does not end while PRE_COMMITTING, except a run resumed from the log whose questions to the participants
 * all came back without a decision (nobody answered): the log keeps it PRE_COMMITTING for the next recovery
 * pass. If a log write fails, the in-memory state may be ahead of the log, so the run ends at once and sends
 * nothing more.
 *
 * <p>A run holds the transaction at its epoch. When another instance took the transaction over (this one could
 * not renew its lease in time), the run is fenced out: a log write refused for another owner or a higher epoch,
 * or a participant that refuses the epoch as stale, ends it at once, and it sends nothing more.
 */
final class TransactionRun {

    private static final Logger log = LoggerFactory.getLogger(TransactionRun.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<TxState> settled = new CompletableFuture<>();
    private final RunAdapters adapters;
    private final Map<String, JsonNode> payloads;
    private final Duration timeout;
    private final Consumer<TransactionRun> onSettled;
    private final String txId;
    private final long epoch;
    private volatile TxState state;
    private int decisionsInFlight;
    /** PRE-COMMIT messages and branch-state queries not returned yet. */
    private int preCommitCallsInFlight;
    /** Null in a run resumed from the log: only a run that sent PREPARE arms deadlines. */
    private ScheduledFuture<?> deadline;
    /**
     * Counts the deadlines armed and cancelled. A deadline that fires while the lock is held by the step that
     * cancels it must not time out what comes next: a stale vote deadline would commit a 3PC transaction
     * without waiting for a single PRE-COMMIT acknowledgement.
     */
    private long deadlineGeneration;
    /** The vote deadline, which PREPARE (CAN-COMMIT) carries to the participants; set by {@link #start}. */
    private Instant voteBy;

    private boolean ended;
    /** This run began the transaction: the answer to the initiator's begin carries the decision to it. */
    private boolean answersTheBegin;
    /** What this run learnt of the branches that the log gets with its next write. */
    private final BranchProgress progress = new BranchProgress();

    /** @param timeout how long the participants have to vote, and again to acknowledge PRE-COMMIT */
    TransactionRun(
            TxState state,
            Duration timeout,
            Map<String, JsonNode> payloads,
            RunAdapters adapters,
            Consumer<TransactionRun> onSettled) {
        this.txId = state.txId();
        this.epoch = state.epoch();
        this.state = state;
        this.timeout = timeout;
        this.payloads = Map.copyOf(payloads);
        this.adapters = adapters;
        this.onSettled = onSettled;
    }

    String txId() {
        return txId;
    }

    /** The epoch this run holds the transaction at: its own, whatever the log says by now. */
    long epoch() {
        return epoch;
    }

    /** The state now; read without the lock, for operators. */
    TxState state() {
        return state;
    }

    /** When the votes and acknowledgements the log has not got yet arrived; read without the lock, for operators. */
    BranchProgress progress() {
        return progress;
    }

    /**
     * Completes when the run ends, never exceptionally: with the last state when the log holds it, with null when the
     * run stopped early (fenced out, a failed write) and only the log can say how the transaction stands.
     */
    CompletableFuture<TxState> settled() {
        return settled;
    }

    /** Arms the vote deadline and sends PREPARE (CAN-COMMIT) to every participant. */
    void start() {
        lock.lock();
        try {
            answersTheBegin = true;
            if (state.initiator() != null) {
                adapters.log().voteReceived(txId, state.initiator(), Vote.yes(), progress);
            }
            voteBy = adapters.clock().instant().plus(timeout);
            armDeadline();
            apply(new Start());
        } finally {
            lock.unlock();
        }
    }

    void apply(TxInput input) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            var from = state.phase();
            var step = CoordinatorMachine.on(state, input);
            state = step.next();
            step.outputs().forEach(output -> carryOut(output, from));
            endIfSettled();
        } catch (DecisionAlreadyLogged e) {
            log.warn("transaction {}: {}; this run stops and the logged decision is carried out", txId, e.getMessage());
            stop();
        } catch (FencedOut e) {
            log.warn("{}: the write changed nothing, and this run stops and sends nothing more", e.getMessage());
            stop();
        } catch (RuntimeException e) {
            log.error("transaction {}: {} failed, leaving it to recovery from the log", txId, input, e);
            stop();
        } finally {
            lock.unlock();
        }
    }

    /** @param from the phase the step that produced the output started in */
    private void carryOut(TxOutput output, TxPhase from) {
        switch (output) {
            case SendPrepare(var participant) -> {
                var message = new Prepare(
                        state.epoch(), state.protocol().label(), payloads.get(participant), peersUnder3pc(), voteBy);
                adapters.messages().execute(() -> prepare(participant, message));
            }
            case RecordVote(var participant, var vote) ->
                adapters.log().voteReceived(txId, participant, vote, progress);
            case LogPreCommit() -> {
                at(CoordinatorHaltPoints.VOTES_COLLECTED);
                cancelDeadline();
                adapters.log().logPreCommit(state, progress);
                // a participant that has not acknowledged PRE-COMMIT by then is presumed crashed
                armDeadline();
            }
            case SendPreCommit(var participant) -> {
                preCommitCallsInFlight++;
                var message = new PreCommit(state.epoch());
                adapters.messages().execute(() -> preCommit(participant, message));
            }
            case RecordPreCommitAck(var participant) ->
                adapters.log().preCommitAcknowledged(txId, participant, progress);
            case LogDecision(var decision, var reason, var forced) -> {
                if (decision == Decision.COMMIT) {
                    at(
                            from == TxPhase.PRE_COMMITTING
                                    ? CoordinatorHaltPoints.PRE_COMMIT_DONE
                                    : CoordinatorHaltPoints.VOTES_COLLECTED);
                }
                cancelDeadline();
                adapters.log().logDecision(state, progress, forced);
            }
            case SendDecision(var participant, var decision) -> {
                decisionsInFlight++;
                var message = new DecisionMessage(state.epoch(), decision == Decision.ABORT ? state.reason() : null);
                adapters.messages().execute(() -> deliver(participant, decision, message));
            }
            case TellInitiator(var participant, var decision) -> {
                // a run that began the transaction answers its begin with the decision; one carried on from the log
                // sends it, and needs no answer: an initiator that did not get it asks when its timer expires
                if (!answersTheBegin) {
                    var message =
                            new DecisionMessage(state.epoch(), decision == Decision.ABORT ? state.reason() : null);
                    adapters.messages().execute(() -> tellInitiator(participant, decision, message));
                }
            }
            case RecordAck(var participant) -> adapters.log().acknowledged(txId, participant, progress);
            case RecordConflict(var participant, var theirs) ->
                adapters.log().recordConflict(txId, state.epoch(), participant, theirs);
            case QueryBranches() -> {
                preCommitCallsInFlight++;
                var participants = state.participants();
                adapters.messages().execute(() -> queryBranches(participants));
            }
            case LogEnd() -> adapters.log().logEnd(state, progress);
        }
    }

    /** A named point of the protocol: fault injection may pause the run here, or halt the process. */
    private void at(String point) {
        adapters.faults().pause(point);
        adapters.faults().reached(point);
    }

    /** CAN-COMMIT carries every participant with its URL, for the termination protocol; 2PC's PREPARE does not. */
    private List<Peer> peersUnder3pc() {
        return state.protocol() == Protocol.THREE_PHASE
                ? adapters.participants().peers(state.participants())
                : null;
    }

    private void prepare(String participant, Prepare message) {
        var delivery = adapters.participants().prepare(participant, txId, message);
        switch (delivery) {
            case Delivery.Voted(var vote) -> apply(new VoteArrived(participant, vote));
            case Delivery.StaleEpoch stale -> fencedOut(participant, stale);
            case Delivery.Acknowledged _, Delivery.Refused _, Delivery.Undelivered _ -> {
                lock.lock();
                try {
                    recordFailure(participant, "PREPARE", delivery);
                    apply(new PrepareFailed(participant, Reasons.PARTICIPANT_UNAVAILABLE));
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * A refusal that reports a branch already ended goes to the machine (ABORTED: the participants ran the
     * termination protocol without this coordinator); any other refusal, or no answer, means the participant
     * is presumed crashed.
     */
    private void preCommit(String participant, PreCommit message) {
        var delivery = adapters.participants().preCommit(participant, txId, message);
        lock.lock();
        try {
            preCommitCallsInFlight--;
            switch (delivery) {
                case Delivery.Acknowledged() -> apply(new PreCommitAcked(participant));
                case Delivery.Refused refused
                when refused.ended() -> apply(new TxInput.Refused(participant, refused.theirs()));
                case Delivery.StaleEpoch stale -> fencedOut(participant, stale);
                case Delivery.Voted _, Delivery.Refused _, Delivery.Undelivered _ -> {
                    recordFailure(participant, "PRE-COMMIT", delivery);
                    apply(new PreCommitFailed(participant));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void tellInitiator(String participant, Decision decision, DecisionMessage message) {
        var delivery = adapters.participants().deliver(participant, txId, decision, message);
        if (!(delivery instanceof Delivery.Acknowledged)) {
            log.info(
                    "transaction {}: {} not told to its initiator {} ({}); its timer will ask",
                    txId,
                    decision,
                    participant,
                    delivery);
        }
    }

    private void deliver(String participant, Decision decision, DecisionMessage message) {
        var delivery = adapters.participants().deliver(participant, txId, decision, message);
        lock.lock();
        try {
            decisionsInFlight--;
            switch (delivery) {
                case Delivery.Acknowledged() -> apply(new Acked(participant));
                case Delivery.Refused refused
                when refused.ended() -> apply(new TxInput.Refused(participant, refused.theirs()));
                case Delivery.StaleEpoch stale -> fencedOut(participant, stale);
                // not acknowledged: the phase-two retry job sends it again
                case Delivery.Voted _, Delivery.Refused _, Delivery.Undelivered _ -> {
                    recordFailure(participant, decision.name(), delivery);
                    endIfSettled();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every participant at once; one that does not answer is left out, as the termination protocol wants. */
    private void queryBranches(List<String> participants) {
        var queries = new LinkedHashMap<String, CompletableFuture<Optional<BranchState>>>();
        participants.forEach(name -> queries.put(
                name,
                CompletableFuture.supplyAsync(
                        () -> adapters.participants().branchState(name, txId), adapters.messages())));
        var reachable = new LinkedHashMap<String, BranchState>();
        queries.forEach((name, query) -> query.join().ifPresent(branch -> reachable.put(name, branch)));
        var silent = participants.stream()
                .filter(name -> !reachable.containsKey(name))
                .toList();
        log.info(
                "transaction {} was left PRE_COMMITTING; the termination protocol over its branches {}{}",
                txId,
                reachable,
                silent.isEmpty() ? "" : " (no answer from " + silent + ", presumed crashed)");
        lock.lock();
        try {
            preCommitCallsInFlight--;
            apply(new BranchStates(reachable));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: a message that failed goes to the log's timeline and {@code tx.events}, for the operators.
     * A record that cannot be written changes nothing for the protocol, except one refused because another
     * instance took the transaction over: that fences this run out like any other write.
     *
     * @param message PREPARE, PRE-COMMIT, COMMIT or ABORT
     */
    private void recordFailure(String participant, String message, Delivery delivery) {
        if (ended) {
            return;
        }
        var error = switch (delivery) {
            case Delivery.Undelivered(var why) -> why;
            case Delivery.Refused _ -> "refused by the participant, without a final state of its branch";
            case Delivery.Voted _, Delivery.Acknowledged _, Delivery.StaleEpoch _ -> "unexpected answer " + delivery;
        };
        try {
            adapters.log().recordDeliveryFailure(txId, state.epoch(), participant, message, error);
        } catch (FencedOut e) {
            log.warn("{}: this run stops and sends nothing more", e.getMessage());
            stop();
        } catch (RuntimeException e) {
            log.warn(
                    "transaction {}: the failed {} to {} was not recorded: {}",
                    txId,
                    message,
                    participant,
                    e.toString());
        }
    }

    /** A participant has seen a higher epoch: another instance runs the transaction now. */
    private void fencedOut(String participant, Delivery.StaleEpoch refusal) {
        lock.lock();
        try {
            if (!ended) {
                log.warn(
                        "this instance was fenced out of transaction {}: {} refused epoch {} as stale ({});"
                                + " another instance took it over, and this run stops and sends nothing more",
                        txId,
                        participant,
                        state.epoch(),
                        refusal.detail());
                stop();
            }
        } finally {
            lock.unlock();
        }
    }

    private void endIfSettled() {
        var settledNow = switch (state.phase()) {
            case ENDED -> true;
            case COMMITTING, ABORTING -> decisionsInFlight == 0;
            // a resumed run that nobody answered: the next recovery pass asks again
            case PRE_COMMITTING -> deadline == null && preCommitCallsInFlight == 0;
            case PREPARING -> false;
        };
        if (settledNow) {
            if (state.phase() != TxPhase.ENDED) {
                recordProgress();
            }
            end();
        }
    }

    /**
     * A run that stops before the end leaves what it learnt (acknowledgements so far) in the log for the operators and
     * for the run that carries on from it. If it cannot, the next run only sends an idempotent message again.
     */
    private void recordProgress() {
        try {
            adapters.log().recordProgress(state, progress);
        } catch (RuntimeException e) {
            log.warn("transaction {}: what this run learnt was not recorded: {}", txId, e.toString());
        }
    }

    /** The run settled: the log holds what its state says. */
    private void end() {
        end(state);
    }

    /** The run stops with its state possibly ahead of the log: only the log can say how the transaction stands. */
    private void stop() {
        end(null);
    }

    private void end(TxState last) {
        if (ended) {
            return;
        }
        ended = true;
        cancelDeadline();
        onSettled.accept(this);
        settled.complete(last);
    }

    private void armDeadline() {
        var generation = ++deadlineGeneration;
        deadline = adapters.timers()
                .schedule(() -> timeOut(generation), adapters.clock().instant().plus(timeout));
    }

    private void timeOut(long generation) {
        lock.lock();
        try {
            if (generation == deadlineGeneration) {
                apply(new Timeout());
            }
        } finally {
            lock.unlock();
        }
    }

    private void cancelDeadline() {
        deadlineGeneration++;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
