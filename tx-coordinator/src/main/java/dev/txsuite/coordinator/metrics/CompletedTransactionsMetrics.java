package dev.txsuite.coordinator.metrics;

import dev.txsuite.coordinator.log.TransactionEvent.Completed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code txsuite_transactions_completed_total{protocol,outcome}} and the histogram
 * {@code txsuite_transaction_duration_seconds{protocol,outcome}}: every transaction this instance ends, counted once
 * its end is committed. Each instance counts its own; Prometheus sums them, and gives the p50 and p99 as
 * {@code histogram_quantile(0.99, sum by (le, protocol) (rate(txsuite_transaction_duration_seconds_bucket[1m])))}.
 */
@Component
class CompletedTransactionsMetrics {

    /**
     * The histogram's buckets: from a fast local commit to a vote timeout and a long phase two. A histogram rather
     * than quantiles computed here: each instance counts only its own transactions, and buckets add up across
     * instances where quantiles do not.
     */
    private static final Duration[] BUCKETS = Stream.of(
                    "5ms", "10ms", "25ms", "50ms", "100ms", "250ms", "500ms", "1s", "2500ms", "5s", "10s", "30s", "1m",
                    "5m")
            .map(DurationStyle::detectAndParse)
            .toArray(Duration[]::new);

    private final MeterRegistry registry;

    CompletedTransactionsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Published inside the local transaction of the end: counted after its commit, never for a rollback. */
    @EventListener
    void on(Completed completed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(completed);
                }
            });
        } else {
            count(completed);
        }
    }

    private void count(Completed completed) {
        Counter.builder("txsuite.transactions.completed")
                .description("Transactions ended by this coordinator instance")
                .tag("protocol", completed.protocol())
                .tag("outcome", completed.outcome())
                .register(registry)
                .increment();
        Timer.builder("txsuite.transaction.duration")
                .description("From a transaction's record to its end")
                .tag("protocol", completed.protocol())
                .tag("outcome", completed.outcome())
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofMillis(completed.durationMillis()));
    }
}
