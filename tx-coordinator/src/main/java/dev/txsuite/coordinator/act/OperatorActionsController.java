package dev.txsuite.coordinator.act;

import dev.txsuite.coordinator.inspect.DescribeTransactions;
import dev.txsuite.coordinator.inspect.TransactionDetails;
import dev.txsuite.coordinator.inspect.TransactionNotFound;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator's actions on a transaction: abort, retry, resolve. Each answers the transaction as it stands after
 * the action, or a 409 {@code action-refused} problem whose {@code reason} says why; accepted or refused, each is
 * recorded in {@code operator_actions}. The operator is the {@code X-Admin-User} the gateway sets for the admin it
 * authenticated ({@code local} when called directly).
 */
@RestController
@RequestMapping("/api/transactions/{txId}")
class OperatorActionsController {

    static final String ADMIN_USER = "X-Admin-User";

    private final AbortTransaction abortTransaction;
    private final RetryPhaseTwo retryPhaseTwo;
    private final ResolveTransaction resolveTransaction;
    private final DescribeTransactions describe;

    OperatorActionsController(
            AbortTransaction abortTransaction,
            RetryPhaseTwo retryPhaseTwo,
            ResolveTransaction resolveTransaction,
            DescribeTransactions describe) {
        this.abortTransaction = abortTransaction;
        this.retryPhaseTwo = retryPhaseTwo;
        this.resolveTransaction = resolveTransaction;
        this.describe = describe;
    }

    @PostMapping("/abort")
    TransactionDetails abort(
            @PathVariable String txId,
            @RequestHeader(name = ADMIN_USER, required = false) String operator,
            @Valid @RequestBody(required = false) NoteRequest body) {
        abortTransaction.abort(txId, new OperatorRequest(operator, body == null ? null : body.note()));
        return describe.item(txId);
    }

    @PostMapping("/retry")
    TransactionDetails retry(
            @PathVariable String txId,
            @RequestHeader(name = ADMIN_USER, required = false) String operator,
            @Valid @RequestBody(required = false) NoteRequest body) {
        retryPhaseTwo.retry(txId, new OperatorRequest(operator, body == null ? null : body.note()));
        return describe.item(txId);
    }

    @PostMapping("/resolve")
    TransactionDetails resolve(
            @PathVariable String txId,
            @RequestHeader(name = ADMIN_USER, required = false) String operator,
            @Valid @RequestBody ResolveRequest body) {
        resolveTransaction.resolve(txId, new OperatorRequest(operator, body.note()));
        return describe.item(txId);
    }

    @ExceptionHandler(ActionRefused.class)
    ProblemDetail refused(ActionRefused e) {
        return e.problem();
    }

    @ExceptionHandler(TransactionNotFound.class)
    ProblemDetail notFound(TransactionNotFound e) {
        return e.problem();
    }
}
