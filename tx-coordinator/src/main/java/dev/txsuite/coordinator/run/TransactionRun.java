package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.DecisionAlreadyLogged;
import dev.txsuite.coordinator.participant.Delivery;
import dev.txsuite.coordinator.participant.ParticipantMessages.DecisionMessage;
import dev.txsuite.coordinator.participant.ParticipantMessages.Prepare;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.coordinator.CoordinatorMachine;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import java.time.Duration;
import java.util.Map;
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
 * answers come back as inputs.
 *
 * <p>The run ends ({@link #settled()}) once the transaction ended, or was decided and every decision message
 * returned once; from then on the log is the only state, and the phase-two retry job takes over from it. If a
 * log write fails, the in-memory state may be ahead of the log, so the run ends at once and sends nothing more.
 */
final class TransactionRun {

    private static final Logger log = LoggerFactory.getLogger(TransactionRun.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<TxState> settled = new CompletableFuture<>();
    private final RunAdapters adapters;
    private final Map<String, JsonNode> payloads;
    private final Consumer<TransactionRun> onSettled;
    private final String txId;
    private TxState state;
    private int decisionsInFlight;
    private ScheduledFuture<?> voteDeadline;
    private boolean ended;

    TransactionRun(
            TxState state, Map<String, JsonNode> payloads, RunAdapters adapters, Consumer<TransactionRun> onSettled) {
        this.txId = state.txId();
        this.state = state;
        this.payloads = Map.copyOf(payloads);
        this.adapters = adapters;
        this.onSettled = onSettled;
    }

    String txId() {
        return txId;
    }

    /** Completes with the last state when the run ends; never exceptionally. */
    CompletableFuture<TxState> settled() {
        return settled;
    }

    void voteWithin(Duration timeout) {
        lock.lock();
        try {
            voteDeadline = adapters.timers()
                    .schedule(
                            () -> apply(new Timeout()),
                            adapters.clock().instant().plus(timeout));
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
            var step = CoordinatorMachine.on(state, input);
            state = step.next();
            step.outputs().forEach(this::carryOut);
            endIfSettled();
        } catch (DecisionAlreadyLogged e) {
            log.warn("transaction {}: {}; this run stops and the logged decision is carried out", txId, e.getMessage());
            end();
        } catch (RuntimeException e) {
            log.error("transaction {}: {} failed, leaving it to recovery from the log", txId, input, e);
            end();
        } finally {
            lock.unlock();
        }
    }

    private void carryOut(TxOutput output) {
        switch (output) {
            case SendPrepare(var participant) -> {
                var message = new Prepare(state.epoch(), state.protocol().label(), payloads.get(participant));
                adapters.messages().execute(() -> prepare(participant, message));
            }
            case RecordVote(var participant, var vote) -> adapters.log().recordVote(txId, participant, vote);
            case LogDecision(var decision, var reason, var forced) -> {
                cancelVoteDeadline();
                adapters.log().logDecision(txId, decision, reason, forced);
            }
            case SendDecision(var participant, var decision) -> {
                decisionsInFlight++;
                var message = new DecisionMessage(state.epoch(), decision == Decision.ABORT ? state.reason() : null);
                adapters.messages().execute(() -> deliver(participant, decision, message));
            }
            case RecordAck(var participant) -> adapters.log().recordAck(txId, participant);
            case LogEnd() -> adapters.log().logEnd(txId, state.decision());
        }
    }

    private void prepare(String participant, Prepare message) {
        var vote = adapters.participants().prepare(participant, txId, message);
        apply(vote.<TxInput>map(yesOrNo -> new VoteArrived(participant, yesOrNo))
                .orElseGet(() -> new PrepareFailed(participant, Reasons.PARTICIPANT_UNAVAILABLE)));
    }

    private void deliver(String participant, Decision decision, DecisionMessage message) {
        var delivery = adapters.participants().deliver(participant, txId, decision, message);
        lock.lock();
        try {
            decisionsInFlight--;
            if (delivery == Delivery.ACKNOWLEDGED) {
                apply(new Acked(participant));
            } else {
                endIfSettled();
            }
        } finally {
            lock.unlock();
        }
    }

    private void endIfSettled() {
        if (state.phase() == TxPhase.ENDED || (state.decision() != null && decisionsInFlight == 0)) {
            end();
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        cancelVoteDeadline();
        onSettled.accept(this);
        settled.complete(state);
    }

    private void cancelVoteDeadline() {
        if (voteDeadline != null) {
            voteDeadline.cancel(false);
        }
    }
}
