package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.AdminProperties;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.TransactionSearch;
import dev.txsuite.coordinator.log.TransactionTimeline;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** The transactions of the log as operators see them ({@link TransactionDetails}), one or a search. */
@Service
public class DescribeTransactions {

    private final LoggedTransactions loggedTransactions;
    private final TransactionTimeline timeline;
    private final Clock clock;
    private final AdminProperties properties;

    DescribeTransactions(
            LoggedTransactions loggedTransactions,
            TransactionTimeline timeline,
            Clock clock,
            AdminProperties properties) {
        this.loggedTransactions = loggedTransactions;
        this.timeline = timeline;
        this.clock = clock;
        this.properties = properties;
    }

    /** @throws TransactionNotFound when the log has no such transaction */
    public TransactionDetails item(String txId) {
        return loggedTransactions
                .find(txId)
                .map(tx -> TransactionDetails.of(tx, clock.instant(), properties.inDoubtGrace()))
                .orElseThrow(() -> new TransactionNotFound(txId));
    }

    /** The item with its timeline. @throws TransactionNotFound when the log has no such transaction */
    TransactionDetails withTimeline(String txId) {
        return item(txId).withTimeline(timeline.of(txId));
    }

    List<TransactionDetails> search(TransactionSearch search) {
        var now = clock.instant();
        return loggedTransactions.search(search).stream()
                .map(tx -> TransactionDetails.of(tx, now, properties.inDoubtGrace()))
                .toList();
    }
}
