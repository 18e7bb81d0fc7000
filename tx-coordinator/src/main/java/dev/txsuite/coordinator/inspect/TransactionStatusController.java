package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.DecisionLog;
import dev.txsuite.coordinator.log.LoggedTransactions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tx/transactions/{txId}}: internal, for participants resolving an in-doubt branch (their timer expired).
 * A transaction the log does not know is presumed aborted, and the log keeps that before the answer says so
 * ({@link DecisionLog#presumeAbort}): a begin that arrives later must not run what a participant was told aborted.
 */
@RestController
class TransactionStatusController {

    private final LoggedTransactions loggedTransactions;
    private final DecisionLog decisionLog;

    TransactionStatusController(LoggedTransactions loggedTransactions, DecisionLog decisionLog) {
        this.loggedTransactions = loggedTransactions;
        this.decisionLog = decisionLog;
    }

    @GetMapping("/tx/transactions/{txId}")
    TransactionStatus status(@PathVariable String txId) {
        return loggedTransactions.find(txId).map(TransactionStatus::of).orElseGet(() -> {
            decisionLog.presumeAbort(txId);
            return loggedTransactions
                    .find(txId)
                    .map(TransactionStatus::of)
                    .orElseThrow(() -> new IllegalStateException("transaction " + txId + " vanished from the log"));
        });
    }
}
