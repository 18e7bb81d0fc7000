package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's writes to its log, one local transaction each. Only two of them must be durable before
 * the coordinator goes on: the transaction itself (before any PREPARE) and a COMMIT decision (before any
 * COMMIT message). Everything else is committed with {@code synchronous_commit = off}: losing it in a crash
 * is harmless, because what the log does not know is aborted (presumed abort) and a lost vote, ack or end
 * only makes recovery send an idempotent message again.
 */
@Component
public class DecisionLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final String owner;

    public DecisionLog(
            JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, CoordinatorProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.owner = properties.instanceId();
    }

    /** Records a new transaction and its branches durably; false if the id is already in the log. */
    public boolean record(NewTransaction tx) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            synchronousCommit(true);
            var inserted = jdbc.sql("""
                            INSERT INTO transactions (tx_id, protocol, state, owner, epoch, timeout_millis)
                            VALUES (:txId, :protocol, 'PREPARING', :owner, :epoch, :timeoutMillis)
                            ON CONFLICT (tx_id) DO NOTHING""")
                    .param("txId", tx.txId())
                    .param("protocol", tx.protocol().label())
                    .param("owner", owner)
                    .param("epoch", NewTransaction.FIRST_EPOCH)
                    .param("timeoutMillis", tx.timeout().toMillis())
                    .update();
            if (inserted == 0) {
                return false;
            }
            var position = 0;
            for (var branch : tx.branches()) {
                jdbc.sql("""
                                INSERT INTO branches (tx_id, participant, position, payload)
                                VALUES (:txId, :participant, :position, CAST(:payload AS jsonb))""")
                        .param("txId", tx.txId())
                        .param("participant", branch.participant())
                        .param("position", position++)
                        .param("payload", json.writeValueAsString(branch.payload()))
                        .update();
            }
            return true;
        }));
    }

    public void recordVote(String txId, String participant, Vote vote) {
        write(
                false,
                () -> jdbc.sql("""
                        UPDATE branches SET vote = :vote, vote_reason = :reason, updated_at = now()
                        WHERE tx_id = :txId AND participant = :participant""")
                        .param("vote", vote.isYes() ? "YES" : "NO")
                        .param("reason", vote.reason())
                        .param("txId", txId)
                        .param("participant", participant)
                        .update());
    }

    /**
     * Logs the decision; {@code forced}: durable when this returns. Only a PREPARING transaction can be
     * decided, so two runs of the same transaction (a recovery and a late original) can never log different
     * outcomes: the second gets {@link DecisionAlreadyLogged}.
     */
    public void logDecision(String txId, Decision decision, String reason, boolean forced) {
        write(forced, () -> {
            var decided = jdbc.sql("""
                            UPDATE transactions
                            SET state = :state, decision = :decision, reason = :reason, decided_at = now(),
                                updated_at = now()
                            WHERE tx_id = :txId AND state = 'PREPARING'""")
                    .param("state", TransactionState.decided(decision).name())
                    .param("decision", decision.name())
                    .param("reason", reason)
                    .param("txId", txId)
                    .update();
            if (decided == 0) {
                throw new DecisionAlreadyLogged(txId);
            }
        });
    }

    public void recordAck(String txId, String participant) {
        write(
                false,
                () -> jdbc.sql("""
                        UPDATE branches SET acknowledged = true, updated_at = now()
                        WHERE tx_id = :txId AND participant = :participant""")
                        .param("txId", txId)
                        .param("participant", participant)
                        .update());
    }

    public void logEnd(String txId, Decision decision) {
        write(
                false,
                () -> jdbc.sql("""
                        UPDATE transactions SET state = :state, ended_at = now(), updated_at = now()
                        WHERE tx_id = :txId AND state IN ('COMMITTING', 'ABORTING')""")
                        .param("state", TransactionState.ended(decision).name())
                        .param("txId", txId)
                        .update());
    }

    private void write(boolean forced, Runnable statements) {
        transactions.executeWithoutResult(status -> {
            synchronousCommit(forced);
            statements.run();
        });
    }

    /** Set explicitly both ways, so a server configured with synchronous_commit off cannot weaken a forced write. */
    private void synchronousCommit(boolean on) {
        jdbc.sql("SET LOCAL synchronous_commit = " + (on ? "on" : "off")).update();
    }
}
