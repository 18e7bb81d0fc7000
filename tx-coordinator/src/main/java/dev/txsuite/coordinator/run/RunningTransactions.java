package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.DecisionLog;
import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.NewTransaction;
import dev.txsuite.coordinator.participant.ParticipantClient;
import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxState;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The transactions this instance is driving in memory, at most one run per transaction. A transaction that is
 * not running here is picked up from the log when recovery or the retry job has an input for it, and only if this
 * instance owns it; or when this instance has just taken it over.
 */
@Component
public class RunningTransactions {

    private final ConcurrentMap<String, TransactionRun> runs = new ConcurrentHashMap<>();
    private final RunAdapters adapters;
    private final LoggedTransactions loggedTransactions;
    private final String instanceId;

    RunningTransactions(
            DecisionLog log,
            LoggedTransactions loggedTransactions,
            ParticipantClient participants,
            ExecutorService participantCalls,
            TaskScheduler timers,
            Clock clock,
            Faults faults,
            CoordinatorProperties properties) {
        this.adapters = new RunAdapters(log, participants, participantCalls, timers, clock, faults);
        this.loggedTransactions = loggedTransactions;
        this.instanceId = properties.instanceId();
    }

    /**
     * Runs a transaction that has just been recorded: PREPARE (CAN-COMMIT) to every participant, and the vote
     * deadline. Completes with the machine's state once decided and phase two was tried once, or ended.
     */
    public CompletableFuture<TxState> begin(NewTransaction tx) {
        var state = tx.initiator() == null
                ? TxState.begin(tx.txId(), tx.protocol(), tx.participants(), NewTransaction.FIRST_EPOCH)
                : TxState.begunBy(
                        tx.initiator(), tx.txId(), tx.protocol(), tx.participants(), NewTransaction.FIRST_EPOCH);
        var run = new TransactionRun(state, tx.timeout(), tx.payloads(), adapters, this::forget);
        var recovering = runs.putIfAbsent(tx.txId(), run);
        if (recovering != null) {
            // start-up recovery found the row between its insert and now: that run decides it
            return recovering.settled();
        }
        run.start();
        return run.settled();
    }

    /**
     * Feeds the input ({@code Recover} or {@code Retry}) to a transaction that is not running here, in a run
     * carried on from the log. Does nothing if it is running here (that run has the input's work in hand), is
     * not in the log, or belongs to another instance (taken over since it was listed).
     *
     * @return whether the input was applied
     */
    public boolean resume(String txId, TxInput input) {
        var resumed = new AtomicReference<TransactionRun>();
        // Loaded inside computeIfAbsent: a run that settles removes itself only after its last write, and its
        // removal waits for this mapping, so the state read here is never older than the log.
        runs.computeIfAbsent(
                txId,
                id -> loggedTransactions
                        .find(id)
                        .filter(tx -> tx.owner().equals(instanceId))
                        .map(tx -> runFromTheLog(tx, resumed))
                        .orElse(null));
        return applyTo(resumed.get(), input);
    }

    /**
     * Sends the decision of a decided transaction this instance owns to every participant that has not acknowledged
     * it, now rather than at the next pass of the retry job: in the run that is driving it here, or in one carried
     * on from the log.
     *
     * @return whether the transaction runs here and was told to
     */
    public boolean sendDecisionNow(String txId) {
        if (resume(txId, new Retry())) {
            return true;
        }
        var running = runs.get(txId);
        return applyTo(running, new Retry());
    }

    /**
     * Recovers a transaction this instance has just taken over at {@code epoch}, in a run carried on from the log
     * (which holds the new owner and epoch by now). A run of an older epoch still here is stale (this instance
     * had lost the transaction, then won it back): it is replaced, and fenced out on its next write. Does nothing
     * if a run of this epoch is already here, or if the transaction was taken over again since.
     *
     * @return whether the transaction is being recovered
     */
    public boolean takeOver(String txId, long epoch) {
        var taken = new AtomicReference<TransactionRun>();
        runs.compute(txId, (id, running) -> {
            if (running != null && running.epoch() >= epoch) {
                return running;
            }
            return loggedTransactions
                    .find(id)
                    .filter(tx -> tx.owner().equals(instanceId) && tx.epoch() == epoch)
                    .map(tx -> runFromTheLog(tx, taken))
                    .orElse(running);
        });
        return applyTo(taken.get(), new Recover());
    }

    /**
     * The transaction as the log holds it, with what its run in this instance has learnt and not written yet (votes
     * and acknowledgements go to the log with the decision and the end); as it is when it does not run here.
     */
    public LoggedTransaction withProgress(LoggedTransaction tx) {
        var run = runs.get(tx.txId());
        return run == null ? tx : tx.withProgressOf(run.state(), run.progress());
    }

    private TransactionRun runFromTheLog(LoggedTransaction tx, AtomicReference<TransactionRun> created) {
        var run = new TransactionRun(
                tx.machineState(), Duration.ofMillis(tx.timeoutMillis()), tx.payloads(), adapters, this::forget);
        created.set(run);
        return run;
    }

    private static boolean applyTo(TransactionRun run, TxInput input) {
        if (run == null) {
            return false;
        }
        run.apply(input);
        return true;
    }

    private void forget(TransactionRun run) {
        runs.remove(run.txId(), run);
    }
}
