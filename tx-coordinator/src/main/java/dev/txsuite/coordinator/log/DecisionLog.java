package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.TransactionEvent.Begun;
import dev.txsuite.coordinator.log.TransactionEvent.BranchAcknowledged;
import dev.txsuite.coordinator.log.TransactionEvent.BranchConflict;
import dev.txsuite.coordinator.log.TransactionEvent.BranchPreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.Completed;
import dev.txsuite.coordinator.log.TransactionEvent.Decided;
import dev.txsuite.coordinator.log.TransactionEvent.DeliveryFailed;
import dev.txsuite.coordinator.log.TransactionEvent.PreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.VoteReceived;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's writes to its log, one local transaction each. Only three of them must be durable before
 * the coordinator goes on: the transaction itself (before any PREPARE), under 3PC the PRE-COMMIT record (before
 * any PRE-COMMIT message) and a COMMIT decision (before any COMMIT message). Everything else is committed with
 * {@code synchronous_commit = off}: losing it in a crash is harmless, because what the log does not know is
 * aborted (presumed abort) and a lost vote, ack, conflict or end only makes recovery send an idempotent message
 * again.
 *
 * <p>Fencing: every write after the record is made by a run for the owner and epoch it holds, and first locks the
 * transaction's row and checks both. A transaction another instance took over meanwhile (its lease expired) has
 * another owner or a higher epoch: the write changes nothing and throws {@link FencedOut}. The row lock keeps a
 * takeover from slipping in between the check and the write.
 *
 * <p>Every write that changes a transaction publishes one {@link TransactionEvent} inside its local
 * transaction, so the outbox row commits (or is lost) together with the change it describes. A write that
 * changes nothing (a second ack of the same participant, an end already logged) publishes nothing. The same
 * publication adds the event's line to the {@link TransactionTimeline}, in the same local transaction.
 */
@Component
public class DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTimeline timeline;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    public DecisionLog(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            ApplicationEventPublisher events,
            TransactionTimeline timeline,
            Clock clock,
            CoordinatorProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.events = events;
        this.timeline = timeline;
        this.clock = clock;
        this.owner = properties.instanceId();
        this.lease = properties.lease();
    }

    /**
     * Records a new transaction and its branches durably, owned by this instance at the first epoch with a fresh
     * lease; false if the id is already in the log.
     */
    public boolean record(NewTransaction tx) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            synchronousCommit(true);
            var inserted = jdbc.sql("""
                            INSERT INTO transactions (tx_id, protocol, state, owner, epoch, timeout_millis,
                                                      lease_expires_at, order_id)
                            VALUES (:txId, :protocol, 'PREPARING', :owner, :epoch, :timeoutMillis,
                                    now() + :leaseMillis * interval '1 millisecond', :orderId)
                            ON CONFLICT (tx_id) DO NOTHING""")
                    .param("txId", tx.txId())
                    .param("orderId", tx.orderId())
                    .param("protocol", tx.protocol().label())
                    .param("owner", owner)
                    .param("epoch", NewTransaction.FIRST_EPOCH)
                    .param("timeoutMillis", tx.timeout().toMillis())
                    .param("leaseMillis", lease.toMillis())
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
            events.publishEvent(new Begun(
                    SuiteEvent.newEventId(),
                    clock.instant(),
                    tx.txId(),
                    tx.protocol().label(),
                    owner,
                    tx.participants(),
                    tx.orderId()));
            return true;
        }));
    }

    /** The first vote counted for a participant stands. */
    public void recordVote(String txId, long epoch, String participant, Vote vote) {
        var label = vote.isYes() ? "YES" : "NO";
        write(txId, epoch, false, () -> {
            var recorded = jdbc.sql("""
                            UPDATE branches SET vote = :vote, vote_reason = :reason, updated_at = now()
                            WHERE tx_id = :txId AND participant = :participant AND vote IS NULL""")
                    .param("vote", label)
                    .param("reason", vote.reason())
                    .param("txId", txId)
                    .param("participant", participant)
                    .update();
            if (recorded > 0) {
                events.publishEvent(new VoteReceived(
                        SuiteEvent.newEventId(), clock.instant(), txId, participant, label, vote.reason()));
            }
        });
    }

    /**
     * 3PC: every vote was YES. Forced: durable before the first PRE-COMMIT leaves, so that a recovery knows to
     * lead the termination protocol rather than presume abort. Only from PREPARING, like a decision.
     */
    public void logPreCommit(String txId, long epoch) {
        write(txId, epoch, true, () -> {
            var logged = jdbc.sql("""
                            UPDATE transactions
                            SET state = 'PRE_COMMITTING', pre_committed_at = now(), updated_at = now()
                            WHERE tx_id = :txId AND state = 'PREPARING'""").param("txId", txId).update();
            if (logged == 0) {
                throw new DecisionAlreadyLogged(txId);
            }
            events.publishEvent(new PreCommitted(SuiteEvent.newEventId(), clock.instant(), txId));
        });
    }

    /** 3PC: the participant acknowledged PRE-COMMIT, or a recovery found its branch PRE_COMMITTED. */
    public void recordPreCommitAck(String txId, long epoch, String participant) {
        write(txId, epoch, false, () -> {
            var recorded = jdbc.sql("""
                            UPDATE branches SET pre_committed = true, updated_at = now()
                            WHERE tx_id = :txId AND participant = :participant AND NOT pre_committed""")
                    .param("txId", txId)
                    .param("participant", participant)
                    .update();
            if (recorded > 0) {
                events.publishEvent(
                        new BranchPreCommitted(SuiteEvent.newEventId(), clock.instant(), txId, participant));
            }
        });
    }

    /**
     * A branch ended against the decision: recorded, with the state it reported, and counted as its
     * acknowledgement (nothing more can be sent to it). Atomicity is violated for this transaction.
     */
    public void recordConflict(String txId, long epoch, String participant, BranchState theirs) {
        write(txId, epoch, false, () -> {
            var recorded = jdbc.sql("""
                            UPDATE branches SET conflict = :theirs, acknowledged = true, updated_at = now()
                            WHERE tx_id = :txId AND participant = :participant AND conflict IS NULL""")
                    .param("theirs", theirs.name())
                    .param("txId", txId)
                    .param("participant", participant)
                    .update();
            if (recorded > 0) {
                log.error(
                        "atomicity violated: transaction {} was decided otherwise, but {} is {}; an operator must"
                                + " resolve it",
                        txId,
                        participant,
                        theirs);
                events.publishEvent(
                        new BranchConflict(SuiteEvent.newEventId(), clock.instant(), txId, participant, theirs.name()));
            }
        });
    }

    /**
     * Logs the decision; {@code forced}: durable when this returns. Only an undecided transaction (PREPARING,
     * or PRE_COMMITTING under 3PC) can be decided, so two runs of the same transaction (a recovery and a late
     * original) can never log different outcomes: the second gets {@link DecisionAlreadyLogged}.
     */
    public void logDecision(String txId, long epoch, Decision decision, String reason, boolean forced) {
        write(txId, epoch, forced, () -> {
            var decided = jdbc.sql("""
                            UPDATE transactions
                            SET state = :state, decision = :decision, reason = :reason, decided_at = now(),
                                updated_at = now()
                            WHERE tx_id = :txId AND state IN ('PREPARING', 'PRE_COMMITTING')""")
                    .param("state", TransactionState.decided(decision).name())
                    .param("decision", decision.name())
                    .param("reason", reason)
                    .param("txId", txId)
                    .update();
            if (decided == 0) {
                throw new DecisionAlreadyLogged(txId);
            }
            events.publishEvent(new Decided(SuiteEvent.newEventId(), clock.instant(), txId, decision.name(), reason));
        });
    }

    public void recordAck(String txId, long epoch, String participant) {
        write(txId, epoch, false, () -> {
            var recorded = jdbc.sql("""
                            UPDATE branches SET acknowledged = true, updated_at = now()
                            WHERE tx_id = :txId AND participant = :participant AND NOT acknowledged""")
                    .param("txId", txId)
                    .param("participant", participant)
                    .update();
            if (recorded > 0) {
                events.publishEvent(
                        new BranchAcknowledged(SuiteEvent.newEventId(), clock.instant(), txId, participant));
            }
        });
    }

    public void logEnd(String txId, long epoch, Decision decision) {
        var outcome = TransactionState.ended(decision).name();
        write(txId, epoch, false, () -> {
            var ended = jdbc.sql("""
                            UPDATE transactions SET state = :state, ended_at = now(), updated_at = now()
                            WHERE tx_id = :txId AND state IN ('COMMITTING', 'ABORTING')
                            RETURNING protocol, created_at, ended_at""")
                    .param("state", outcome)
                    .param("txId", txId)
                    .query((row, rowNumber) -> completed(txId, outcome, row))
                    .optional();
            ended.ifPresent(events::publishEvent);
        });
    }

    /**
     * A protocol message to the participant failed: the failure goes to the timeline and {@code tx.events}
     * ({@link DeliveryFailed}), counted per message. Not forced; fenced like every write of a run.
     *
     * @param message PREPARE, PRE-COMMIT, COMMIT or ABORT
     */
    public void recordDeliveryFailure(String txId, long epoch, String participant, String message, String error) {
        write(txId, epoch, false, () -> {
            var attempt = timeline.failedDeliveries(txId, participant, message) + 1;
            events.publishEvent(new DeliveryFailed(
                    SuiteEvent.newEventId(), clock.instant(), txId, participant, message, attempt, error));
        });
    }

    private Completed completed(String txId, String outcome, ResultSet row) throws SQLException {
        return Completed.of(
                txId,
                outcome,
                row.getString("protocol"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("ended_at", OffsetDateTime.class).toInstant(),
                clock.instant());
    }

    /** One local transaction: the ownership check, then the statements, then the commit (forced or not). */
    private void write(String txId, long epoch, boolean forced, Runnable statements) {
        transactions.executeWithoutResult(status -> {
            synchronousCommit(forced);
            holdOwnership(txId, epoch);
            statements.run();
        });
    }

    /**
     * Locks the transaction's row until the write commits and checks that this instance still owns it at the
     * run's epoch; a takeover waits for the lock, or has already changed the row and the write is refused.
     */
    private void holdOwnership(String txId, long epoch) {
        var holder = jdbc.sql("SELECT owner, epoch FROM transactions WHERE tx_id = :txId FOR NO KEY UPDATE")
                .param("txId", txId)
                .query((row, rowNumber) -> new Holder(row.getString("owner"), row.getLong("epoch")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " is not in the log"));
        if (!holder.owner().equals(owner) || holder.epoch() != epoch) {
            throw new FencedOut(txId, epoch, holder.owner(), holder.epoch());
        }
    }

    private record Holder(String owner, long epoch) {}

    /** Set explicitly both ways, so a server configured with synchronous_commit off cannot weaken a forced write. */
    private void synchronousCommit(boolean on) {
        jdbc.sql("SET LOCAL synchronous_commit = " + (on ? "on" : "off")).update();
    }
}
