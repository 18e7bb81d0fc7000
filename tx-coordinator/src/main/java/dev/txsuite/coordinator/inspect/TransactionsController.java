package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.AdminProperties;
import dev.txsuite.coordinator.participant.ParticipantClient;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the coordinator's log knows of its transactions, for operators: a filtered list, one with its timeline, and
 * the figures of the last minute.
 */
@RestController
@RequestMapping("/api/transactions")
class TransactionsController {

    private final DescribeTransactions describe;
    private final TransactionStatistics statistics;
    private final ParticipantClient participants;
    private final AdminProperties properties;

    TransactionsController(
            DescribeTransactions describe,
            TransactionStatistics statistics,
            ParticipantClient participants,
            AdminProperties properties) {
        this.describe = describe;
        this.statistics = statistics;
        this.participants = participants;
        this.properties = properties;
    }

    @GetMapping("/stats")
    TransactionStats stats() {
        return statistics.lastMinute();
    }

    @GetMapping("/{txId}")
    TransactionDetails transaction(@PathVariable String txId) {
        return describe.withTimeline(txId);
    }

    /** See {@link TransactionFilters}; {@code IN_FLIGHT} and at most 100 by default. */
    @GetMapping
    List<TransactionDetails> transactions(
            @RequestParam(defaultValue = TransactionFilters.IN_FLIGHT) String state,
            @RequestParam(required = false) String protocol,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) Long minAgeSeconds,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        var filters = new TransactionFilters(state, protocol, participant, minAgeSeconds, q, limit);
        return describe.search(filters.search(participants.names(), properties.inDoubtGrace()));
    }

    @ExceptionHandler(InvalidFilter.class)
    ProblemDetail invalid(InvalidFilter e) {
        return e.problem();
    }

    @ExceptionHandler(TransactionNotFound.class)
    ProblemDetail notFound(TransactionNotFound e) {
        return e.problem();
    }
}
