package dev.txsuite.participant;

import dev.txsuite.participant.AskCoordinator.Outcome;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.OnTimeout;
import dev.txsuite.protocol.participant.ParticipantMachine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The timers of in-doubt branches. Every {@code timer-interval} it claims the branches whose deadline passed
 * (which re-arms their timers, see {@link ParticipantLog#claimExpired}) and asks the coordinator for the outcome:
 * a decision is applied, an undecided transaction waits for the next expiry, a transaction the coordinator has
 * no record of is aborted (presumed abort). When the coordinator cannot be reached, a 2PC branch stays in doubt
 * (2PC blocks) and a 3PC branch leads the termination protocol. The deadlines live in the rows, so timers carry
 * on after a restart; several instances may run this job at once, which is safe because every message is
 * idempotent.
 */
class ResolveExpiredBranches implements SchedulingConfigurer {

    /** Bounds one pass; the oldest deadlines go first and the rest are claimed by the next pass. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(ResolveExpiredBranches.class);

    private final ParticipantLog participantLog;
    private final AskCoordinator coordinator;
    private final LeadTermination termination;
    private final ApplyBranchMessage applyBranchMessage;
    private final Duration interval;

    ResolveExpiredBranches(
            ParticipantLog participantLog,
            AskCoordinator coordinator,
            LeadTermination termination,
            ApplyBranchMessage applyBranchMessage,
            Duration interval) {
        this.participantLog = participantLog;
        this.coordinator = coordinator;
        this.termination = termination;
        this.applyBranchMessage = applyBranchMessage;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::resolveExpired, interval);
    }

    void resolveExpired() {
        List<Branch> expired;
        try {
            expired = participantLog.claimExpired(BATCH);
        } catch (DataAccessException e) {
            log.warn("cannot look for expired branch timers, trying again in {}: {}", interval, e.getMessage());
            return;
        }
        // one virtual thread per branch: a coordinator or peer that does not answer delays only its own branches
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            expired.forEach(branch -> threads.execute(() -> resolve(branch)));
        }
    }

    private void resolve(Branch branch) {
        var txId = branch.txId();
        try {
            var onTimeout = ParticipantMachine.timedOut(branch);
            if (onTimeout == OnTimeout.NOTHING) {
                return;
            }
            switch (coordinator.outcomeOf(txId)) {
                case Outcome.Decided(var decision, var reason, var epoch) -> {
                    log.info(
                            "transaction {}: the coordinator decided {}; applying it to the in-doubt branch",
                            txId,
                            decision);
                    // a logged decision is final whichever coordinator instance reports it; its epoch only
                    // matters when it is newer than the one the branch has seen
                    var newest = Math.max(branch.epoch(), epoch);
                    applyBranchMessage.apply(
                            decision == Decision.COMMIT
                                    ? new BranchMessage.Commit(txId, newest)
                                    : new BranchMessage.Abort(txId, newest, reason),
                            null);
                }
                case Outcome.Undecided undecided ->
                    log.debug("transaction {}: still undecided at the coordinator; the branch waits", txId);
                case Outcome.NotAsked(var why) ->
                    log.info("transaction {}: the coordinator was not asked ({}); the branch waits", txId, why);
                case Outcome.NoRecord noRecord -> {
                    log.info("transaction {}: the coordinator has no record of it; presumed abort", txId);
                    applyBranchMessage.apply(
                            new BranchMessage.Abort(txId, branch.epoch(), Reasons.COORDINATOR_RECOVERY), null);
                }
                case Outcome.NoAnswer(var why) -> {
                    if (onTimeout == OnTimeout.ASK_COORDINATOR_ELSE_TERMINATE) {
                        termination.run(txId, why);
                    } else {
                        log.info(
                                "transaction {}: branch {} is in doubt and the coordinator cannot be reached ({});"
                                        + " 2PC blocks until the coordinator returns",
                                txId,
                                branch.state(),
                                why);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn(
                    "transaction {}: the expired timer of its branch failed; it runs again at the next expiry",
                    txId,
                    e);
        }
    }
}
