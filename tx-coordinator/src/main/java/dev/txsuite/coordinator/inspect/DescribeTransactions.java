package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.AdminProperties;
import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.TransactionSearch;
import dev.txsuite.coordinator.log.TransactionTimeline;
import dev.txsuite.coordinator.run.RunningTransactions;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The transactions of the log as operators see them ({@link TransactionDetails}), one or a search. A transaction
 * this instance is running shows the votes and acknowledgements its run has not written yet (the log gets them with
 * the decision and the end); one another instance runs shows them once written.
 */
@Service
public class DescribeTransactions {

    private final LoggedTransactions loggedTransactions;
    private final RunningTransactions runs;
    private final TransactionTimeline timeline;
    private final Clock clock;
    private final AdminProperties properties;

    DescribeTransactions(
            LoggedTransactions loggedTransactions,
            RunningTransactions runs,
            TransactionTimeline timeline,
            Clock clock,
            AdminProperties properties) {
        this.loggedTransactions = loggedTransactions;
        this.runs = runs;
        this.timeline = timeline;
        this.clock = clock;
        this.properties = properties;
    }

    /** @throws TransactionNotFound when the log has no such transaction */
    public TransactionDetails item(String txId) {
        return details(found(txId));
    }

    /** The item with its timeline. @throws TransactionNotFound when the log has no such transaction */
    TransactionDetails withTimeline(String txId) {
        var tx = runs.withProgress(found(txId));
        return TransactionDetails.of(tx, clock.instant(), properties.inDoubtGrace())
                .withTimeline(timeline.of(tx));
    }

    List<TransactionDetails> search(TransactionSearch search) {
        return loggedTransactions.search(search).stream().map(this::details).toList();
    }

    private LoggedTransaction found(String txId) {
        return loggedTransactions.find(txId).orElseThrow(() -> new TransactionNotFound(txId));
    }

    private TransactionDetails details(LoggedTransaction tx) {
        return TransactionDetails.of(runs.withProgress(tx), clock.instant(), properties.inDoubtGrace());
    }
}
