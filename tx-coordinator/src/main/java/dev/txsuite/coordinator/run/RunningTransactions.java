package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.DecisionLog;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.NewTransaction;
import dev.txsuite.coordinator.participant.ParticipantClient;
import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.coordinator.TxInput;
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
 * not running here is picked up from the log when recovery or the retry job has an input for it.
 */
@Component
public class RunningTransactions {

    private final ConcurrentMap<String, TransactionRun> runs = new ConcurrentHashMap<>();
    private final RunAdapters adapters;
    private final LoggedTransactions loggedTransactions;

    RunningTransactions(
            DecisionLog log,
            LoggedTransactions loggedTransactions,
            ParticipantClient participants,
            ExecutorService participantCalls,
            TaskScheduler timers,
            Clock clock,
            Faults faults) {
        this.adapters = new RunAdapters(log, participants, participantCalls, timers, clock, faults);
        this.loggedTransactions = loggedTransactions;
    }

    /**
     * Runs a transaction that has just been recorded: PREPARE (CAN-COMMIT) to every participant, and the vote
     * deadline. Completes with the machine's state once decided and phase two was tried once, or ended.
     */
    public CompletableFuture<TxState> begin(NewTransaction tx) {
        var state = TxState.begin(tx.txId(), tx.protocol(), tx.participants(), NewTransaction.FIRST_EPOCH);
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
     * carried on from the log. Does nothing if it is running here (that run has the input's work in hand) or is
     * not in the log.
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
                        .map(tx -> {
                            var run = new TransactionRun(
                                    tx.machineState(),
                                    Duration.ofMillis(tx.timeoutMillis()),
                                    tx.payloads(),
                                    adapters,
                                    this::forget);
                            resumed.set(run);
                            return run;
                        })
                        .orElse(null));
        var run = resumed.get();
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
