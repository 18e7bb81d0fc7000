package dev.txsuite.coordinator.act;

import static dev.txsuite.coordinator.act.Refusal.at;

import dev.txsuite.coordinator.log.TransactionEvent;
import dev.txsuite.coordinator.log.TransactionState;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/transactions/{txId}/resolve}: an operator records that they dealt with a transaction the protocol
 * cannot finish: a decided one whose phase two a participant cannot complete (it is ended with its decision, and the
 * retries stop: no run picks up an ended transaction) or an ended one with a branch conflict (3PC's split outcome,
 * repaired by hand). The resolution (who, when, the note) is shown with the transaction.
 */
@Service
class ResolveTransaction {

    private static final Logger log = LoggerFactory.getLogger(ResolveTransaction.class);

    private final ActionLog actions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResolveTransaction(ActionLog actions, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.actions = actions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    void resolve(String txId, OperatorRequest request) {
        var state = actions.act(
                txId,
                Action.RESOLVE,
                request,
                ResolveTransaction::refusal,
                tx -> tx.ended() ? markResolved(tx, request) : endResolved(tx, request));
        log.warn("{} resolved transaction {}, {} now: {}", request.operator(), txId, state, request.note());
    }

    /**
     * Ends a transaction in phase two with its decision, as resolved; at the moment of this statement rather than the
     * transaction's start, so that the timeline shows the end after the operator's action that caused it.
     */
    private TransactionState endResolved(LockedTransaction tx, OperatorRequest request) {
        var outcome = "COMMIT".equals(tx.decision()) ? TransactionState.COMMITTED : TransactionState.ABORTED;
        var completed = jdbc.sql("""
                        UPDATE transactions
                        SET state = :outcome, ended_at = clock_timestamp(), resolved_by = :by,
                            resolved_at = clock_timestamp(),
                            resolution_note = :note, updated_at = now()
                        WHERE tx_id = :txId AND state IN ('COMMITTING', 'ABORTING')
                        RETURNING created_at, ended_at""")
                .param("outcome", outcome.name())
                .param("by", request.operator())
                .param("note", request.note())
                .param("txId", tx.txId())
                .query((row, rowNumber) -> TransactionEvent.Completed.of(
                        tx.txId(),
                        outcome.name(),
                        tx.protocol(),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getObject("ended_at", OffsetDateTime.class).toInstant(),
                        clock.instant()))
                .single();
        events.publishEvent(completed);
        return outcome;
    }

    private TransactionState markResolved(LockedTransaction tx, OperatorRequest request) {
        jdbc.sql("""
                        UPDATE transactions
                        SET resolved_by = :by, resolved_at = now(), resolution_note = :note, updated_at = now()
                        WHERE tx_id = :txId""")
                .param("by", request.operator())
                .param("note", request.note())
                .param("txId", tx.txId())
                .update();
        return tx.state();
    }

    private static Optional<Refusal> refusal(LockedTransaction tx) {
        if (tx.undecided()) {
            return Optional.of(new Refusal(
                    RefusalReason.NOT_DECIDED, "the transaction is not decided (" + tx.state() + "): abort it first"));
        }
        if (tx.resolvedAt() != null) {
            return Optional.of(new Refusal(
                    RefusalReason.NOTHING_TO_RESOLVE,
                    "the transaction was resolved already by " + tx.resolvedBy() + at(tx.resolvedAt())));
        }
        if (tx.ended() && !tx.conflict()) {
            return Optional.of(new Refusal(
                    RefusalReason.NOTHING_TO_RESOLVE,
                    "the transaction ended " + tx.state() + at(tx.endedAt())
                            + " with every branch in agreement: there is nothing to resolve"));
        }
        return Optional.empty();
    }
}
