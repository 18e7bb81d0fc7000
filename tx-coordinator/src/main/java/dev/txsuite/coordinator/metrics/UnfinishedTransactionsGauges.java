package dev.txsuite.coordinator.metrics;

import dev.txsuite.coordinator.config.AdminProperties;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.LoggedTransactions.UnfinishedCount;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code txsuite_transactions_in_flight} and {@code txsuite_transactions_in_doubt}: the unfinished transactions of
 * every instance, counted in the decision log (so every instance reports the same), at most once per
 * {@code gauges-cached-for} however often they are scraped. NaN while the log cannot be read.
 */
@Component
class UnfinishedTransactionsGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedTransactionsGauges.class);

    private final LoggedTransactions loggedTransactions;
    private final Clock clock;
    private final Duration inDoubtGrace;
    private final Duration cachedFor;
    private UnfinishedCount count;
    private Instant countedAt;

    UnfinishedTransactionsGauges(LoggedTransactions loggedTransactions, Clock clock, AdminProperties properties) {
        this.loggedTransactions = loggedTransactions;
        this.clock = clock;
        this.inDoubtGrace = properties.inDoubtGrace();
        this.cachedFor = properties.gaugesCachedFor();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("txsuite.transactions.in_flight", this, gauges -> gauges.value(UnfinishedCount::inFlight))
                .description("Unfinished transactions of every coordinator instance")
                .register(registry);
        Gauge.builder("txsuite.transactions.in_doubt", this, gauges -> gauges.value(UnfinishedCount::inDoubt))
                .description("Unfinished transactions past their vote deadline and a grace, or whose owner is gone")
                .register(registry);
    }

    private synchronized double value(ToLongFunction<UnfinishedCount> figure) {
        var now = clock.instant();
        if (countedAt == null || !now.isBefore(countedAt.plus(cachedFor))) {
            try {
                count = loggedTransactions.countUnfinished(inDoubtGrace);
            } catch (DataAccessException e) {
                log.warn(
                        "the unfinished transactions could not be counted: {}",
                        e.getMostSpecificCause().toString());
                count = null;
            }
            countedAt = now;
        }
        return count == null ? Double.NaN : figure.applyAsLong(count);
    }
}
