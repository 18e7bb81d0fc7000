package dev.txsuite.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends again, on a fixed delay, the outbox entries whose relay to Kafka failed (the broker was down, say) or
 * went stale (Spring Modulith's staleness monitor marks an entry failed when its relay never finished). Only
 * failed entries are resent, never ones still in flight, so a healthy relay publishes each event once; the rare
 * duplicate after a crash is absorbed by idempotent consumers.
 */
class ResubmitFailedPublications implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ResubmitFailedPublications.class);

    private final FailedEventPublications failed;
    private final Duration interval;

    ResubmitFailedPublications(FailedEventPublications failed, Duration interval) {
        this.failed = failed;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::resubmit, interval);
    }

    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults());
        } catch (RuntimeException e) {
            // the database may be briefly unreachable: the next round tries again
            log.warn("could not resubmit failed event publications: {}", e.toString());
        }
    }
}
