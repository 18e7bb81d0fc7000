package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderRequestProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order API's problem documents, as order-contract defines them, and a 503 when the database is out of reach. */
@RestControllerAdvice
class RequestProblems extends OrderRequestProblems {

    private static final Logger log = LoggerFactory.getLogger(RequestProblems.class);

    /** Raised before any statement ran (no connection to begin the transaction with): nothing was changed. */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(NestedRuntimeException e) {
        log.warn("no database connection: {}", e.getMostSpecificCause().toString());
        return orderProblem(OrderProblem.databaseUnavailable());
    }
}
