package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.Problems;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.TransactionState;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the coordinator knows of its transactions, for operators and for participants in doubt. */
@RestController
@RequestMapping("/api/transactions")
class TransactionsController {

    /** Every state that is not final: the transactions still being worked on. */
    static final String IN_FLIGHT = "IN_FLIGHT";

    private static final int MAX_LIMIT = 1000;

    private final LoggedTransactions loggedTransactions;
    private final Clock clock;

    TransactionsController(LoggedTransactions loggedTransactions, Clock clock) {
        this.loggedTransactions = loggedTransactions;
        this.clock = clock;
    }

    @GetMapping("/{txId}")
    ResponseEntity<?> transaction(@PathVariable String txId) {
        return loggedTransactions
                .find(txId)
                .<ResponseEntity<?>>map(tx -> ResponseEntity.ok(TransactionDetails.of(tx, clock.instant())))
                .orElseGet(() -> ResponseEntity.of(Problems.of(
                                HttpStatus.NOT_FOUND,
                                "transaction-not-found",
                                "Transaction not found",
                                "the coordinator has no transaction " + txId))
                        .build());
    }

    /** The newest {@code limit} transactions in the state, {@code IN_FLIGHT} by default. */
    @GetMapping
    ResponseEntity<?> transactions(
            @RequestParam(defaultValue = IN_FLIGHT) String state, @RequestParam(defaultValue = "100") int limit) {
        var states = states(state);
        if (states.isEmpty()) {
            return badRequest(
                    "invalid-state",
                    "Invalid state",
                    "unknown state '" + state + "'; use " + IN_FLIGHT + " or one of "
                            + Arrays.toString(TransactionState.values()));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return badRequest("invalid-request", "Invalid request", "limit must be between 1 and " + MAX_LIMIT);
        }
        var now = clock.instant();
        List<TransactionDetails> transactions = loggedTransactions.findInStates(states.get(), limit).stream()
                .map(tx -> TransactionDetails.of(tx, now))
                .toList();
        return ResponseEntity.ok(transactions);
    }

    private static Optional<Set<TransactionState>> states(String state) {
        if (IN_FLIGHT.equalsIgnoreCase(state)) {
            return Optional.of(TransactionState.UNFINISHED);
        }
        return Arrays.stream(TransactionState.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(state))
                .findFirst()
                .map(Set::of);
    }

    private static ResponseEntity<?> badRequest(String slug, String title, String detail) {
        return ResponseEntity.of(Problems.of(HttpStatus.BAD_REQUEST, slug, title, detail))
                .build();
    }
}
