package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The log has no transaction of this id: a 404 problem of type {@code transaction-not-found}. */
public class TransactionNotFound extends RuntimeException {

    public TransactionNotFound(String txId) {
        super("the coordinator has no transaction " + txId);
    }

    public ProblemDetail problem() {
        return Problems.of(HttpStatus.NOT_FOUND, "transaction-not-found", "Transaction not found", getMessage());
    }
}
