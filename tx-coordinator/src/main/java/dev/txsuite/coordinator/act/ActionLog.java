package dev.txsuite.coordinator.act;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.inspect.TransactionNotFound;
import dev.txsuite.coordinator.log.TransactionEvent;
import dev.txsuite.coordinator.log.TransactionState;
import dev.txsuite.events.SuiteEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an operator's action meets the log: in one forced local transaction, the transaction's row is locked (the same
 * lock every write of a run takes to check its owner and epoch), the action is checked against what the row says,
 * and then either refused or carried out; either way it is recorded in {@code operator_actions}, and an accepted
 * one is published ({@link TransactionEvent.OperatorAction}) before the changes it makes.
 */
@Component
class ActionLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instanceId;

    ActionLog(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            CoordinatorProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.instanceId = properties.instanceId();
    }

    /**
     * Carries out the action unless {@code refusal} finds a reason not to, in the state the locked row shows.
     *
     * @param change the action's writes, given the row as found; what it returns is returned
     * @throws TransactionNotFound when the log has no such transaction (nothing is recorded)
     * @throws ActionRefused once the refusal is recorded and committed
     */
    <T> T act(
            String txId,
            Action action,
            OperatorRequest request,
            Function<LockedTransaction, Optional<Refusal>> refusal,
            Function<LockedTransaction, T> change) {
        var outcome = transactions.execute(status -> {
            // forced: a takeover must be durable before the participants see its epoch
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            var tx = lock(txId);
            var refused = refusal.apply(tx);
            if (refused.isPresent()) {
                record(txId, action, request, refused.get().reason());
                return new Outcome<T>(null, refused.get());
            }
            record(txId, action, request, null);
            events.publishEvent(new TransactionEvent.OperatorAction(
                    SuiteEvent.newEventId(), clock.instant(), txId, action.name(), request.operator(), request.note()));
            return new Outcome<>(change.apply(tx), null);
        });
        if (outcome.refusal() != null) {
            throw new ActionRefused(outcome.refusal());
        }
        return outcome.result();
    }

    boolean ownedHere(LockedTransaction tx) {
        return tx.owner().equals(instanceId);
    }

    private LockedTransaction lock(String txId) {
        return jdbc.sql("""
                        SELECT t.tx_id, t.protocol, t.state, t.decision, t.reason, t.owner, t.epoch, t.decided_at,
                               t.ended_at, t.resolved_by, t.resolved_at,
                               EXISTS (SELECT 1 FROM branches b WHERE b.tx_id = t.tx_id AND b.conflict IS NOT NULL)
                                   AS conflict
                        FROM transactions t WHERE t.tx_id = :txId
                        FOR NO KEY UPDATE OF t""")
                .param("txId", txId)
                .query((row, rowNumber) -> locked(row))
                .optional()
                .orElseThrow(() -> new TransactionNotFound(txId));
    }

    private void record(String txId, Action action, OperatorRequest request, RefusalReason refusal) {
        jdbc.sql("""
                        INSERT INTO operator_actions (tx_id, action, operator, note, outcome, refusal_reason)
                        VALUES (:txId, :action, :operator, :note, :outcome, :refusal)""")
                .param("txId", txId)
                .param("action", action.name())
                .param("operator", request.operator())
                .param("note", request.note())
                .param("outcome", refusal == null ? "ACCEPTED" : "REFUSED")
                .param("refusal", refusal == null ? null : refusal.name())
                .update();
    }

    private static LockedTransaction locked(ResultSet row) throws SQLException {
        return new LockedTransaction(
                row.getString("tx_id"),
                row.getString("protocol"),
                TransactionState.valueOf(row.getString("state")),
                row.getString("decision"),
                row.getString("reason"),
                row.getString("owner"),
                row.getLong("epoch"),
                instant(row, "decided_at"),
                instant(row, "ended_at"),
                row.getString("resolved_by"),
                instant(row, "resolved_at"),
                row.getBoolean("conflict"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** What the local transaction came to: the change's result, or the refusal (never both). */
    private record Outcome<T>(T result, Refusal refusal) {}
}
