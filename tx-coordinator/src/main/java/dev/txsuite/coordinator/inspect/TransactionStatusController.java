package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.Problems;
import dev.txsuite.coordinator.log.LoggedTransactions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tx/transactions/{txId}}: internal, for participants resolving an in-doubt branch (their timer
 * expired). A transaction the log does not know is a 404: under presumed abort, the participant aborts.
 */
@RestController
class TransactionStatusController {

    private final LoggedTransactions loggedTransactions;

    TransactionStatusController(LoggedTransactions loggedTransactions) {
        this.loggedTransactions = loggedTransactions;
    }

    @GetMapping("/tx/transactions/{txId}")
    ResponseEntity<?> status(@PathVariable String txId) {
        return loggedTransactions
                .find(txId)
                .<ResponseEntity<?>>map(tx -> ResponseEntity.ok(TransactionStatus.of(tx)))
                .orElseGet(() -> ResponseEntity.of(Problems.of(
                                HttpStatus.NOT_FOUND,
                                "unknown-transaction",
                                "Unknown transaction",
                                "the coordinator has no record of transaction " + txId))
                        .build());
    }
}
