package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.log.TransactionLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Several coordinator instances share the log: at start-up and then on every lease renewal, this instance takes
 * over the unfinished transactions whose owner let the lease expire (it crashed, is paused, or cannot reach the
 * database), and recovers each at its new epoch as its owner would have: an undecided 2PC one aborts, a
 * PRE_COMMITTING one is settled by the termination protocol, a decided one has its decision sent again.
 */
@Component
class TakeOverExpiredTransactions {

    private static final Logger log = LoggerFactory.getLogger(TakeOverExpiredTransactions.class);

    private final TransactionLeases leases;
    private final RunningTransactions runs;

    TakeOverExpiredTransactions(TransactionLeases leases, RunningTransactions runs) {
        this.leases = leases;
        this.runs = runs;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            fixedDelayString = "${txsuite.coordinator.lease-renewal:1s}",
            initialDelayString = "${txsuite.coordinator.lease-renewal:1s}")
    void takeOver() {
        for (var takeover : leases.takeOverExpired()) {
            log.warn(
                    "took over transaction {} from {}, whose lease expired; recovering it at epoch {}",
                    takeover.txId(),
                    takeover.previousOwner(),
                    takeover.epoch());
            runs.takeOver(takeover.txId(), takeover.epoch());
        }
    }
}
