package dev.txsuite.coordinator.run;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what the log shows unfinished among the transactions this instance owns; those of other instances are
 * theirs while their leases run, and {@link TakeOverExpiredTransactions} takes them over once a lease expired. At
 * start-up every unfinished transaction of this instance (one that restarted under the same instance id) is
 * recovered: PREPARING ones abort (presumed abort), PRE_COMMITTING ones (3PC) are settled by the termination
 * protocol over the states the participants report, decided ones have their decision sent again. Then,
 * continuously, phase two is retried until every participant acknowledged, and a transaction no run holds (its
 * run was lost) is recovered the same way once its deadline and the grace are past: a PREPARING one counted from
 * its start, a PRE_COMMITTING one from its PRE-COMMIT.
 */
@Component
class RecoverUnfinishedTransactions {

    private static final Logger log = LoggerFactory.getLogger(RecoverUnfinishedTransactions.class);

    private final LoggedTransactions loggedTransactions;
    private final RunningTransactions runs;
    private final CoordinatorProperties properties;

    RecoverUnfinishedTransactions(
            LoggedTransactions loggedTransactions, RunningTransactions runs, CoordinatorProperties properties) {
        this.loggedTransactions = loggedTransactions;
        this.runs = runs;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAfterStart() {
        var recovered = loggedTransactions.unfinished(owner()).stream()
                .filter(txId -> runs.resume(txId, new Recover()))
                .count();
        if (recovered > 0) {
            log.info("recovered {} unfinished transactions of {} from the log", recovered, owner());
        }
    }

    @Scheduled(
            fixedDelayString = "${txsuite.coordinator.retry-interval:1s}",
            initialDelayString = "${txsuite.coordinator.retry-interval:1s}")
    void finishUnfinished() {
        loggedTransactions.decidedUnfinished(owner()).forEach(txId -> runs.resume(txId, new Retry()));
        loggedTransactions
                .undecidedPastDeadline(owner(), properties.answerGrace())
                .forEach(txId -> {
                    if (runs.resume(txId, new Recover())) {
                        log.warn("transaction {} was left undecided past its deadline; aborting it", txId);
                    }
                });
        loggedTransactions
                .preCommittingPastDeadline(owner(), properties.answerGrace())
                .forEach(txId -> {
                    if (runs.resume(txId, new Recover())) {
                        log.warn(
                                "transaction {} was left PRE_COMMITTING past its deadline; asking its participants",
                                txId);
                    }
                });
    }

    private String owner() {
        return properties.instanceId();
    }
}
