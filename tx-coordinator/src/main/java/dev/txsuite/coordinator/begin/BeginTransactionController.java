package dev.txsuite.coordinator.begin;

import dev.txsuite.coordinator.config.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /tx/transactions}: internal, called by order-service, never routed by the gateway. */
@RestController
class BeginTransactionController {

    private final BeginTransaction beginTransaction;

    BeginTransactionController(BeginTransaction beginTransaction) {
        this.beginTransaction = beginTransaction;
    }

    @PostMapping("/tx/transactions")
    TransactionOutcome begin(@Valid @RequestBody BeginTransactionRequest request) {
        return beginTransaction.begin(request);
    }

    @ExceptionHandler(InvalidTransaction.class)
    ProblemDetail invalid(InvalidTransaction e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.slug(), e.title(), e.getMessage());
    }
}
