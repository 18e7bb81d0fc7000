package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.TransactionEvent.Begun;
import dev.txsuite.coordinator.log.TransactionEvent.BranchAcknowledged;
import dev.txsuite.coordinator.log.TransactionEvent.BranchConflict;
import dev.txsuite.coordinator.log.TransactionEvent.BranchPreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.Completed;
import dev.txsuite.coordinator.log.TransactionEvent.Decided;
import dev.txsuite.coordinator.log.TransactionEvent.PreCommitted;
import dev.txsuite.coordinator.log.TransactionEvent.VoteReceived;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import java.time.Clock;
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
 * <p>Every write that changes a transaction publishes one {@link TransactionEvent} inside its local
 * transaction, so the outbox row commits (or is lost) together with the change it describes. A write that
 * changes nothing (a second ack of the same participant from another instance's retry job, an end already
 * logged) publishes nothing.
 */
@Component
public class DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String owner;

    public DecisionLog(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock,
            CoordinatorProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.events = events;
        this.clock = clock;
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
            events.publishEvent(new Begun(
                    SuiteEvent.newEventId(),
                    clock.instant(),
                    tx.txId(),
                    tx.protocol().label(),
                    owner,
                    tx.participants()));
            return true;
        }));
    }

    /** The first vote counted for a participant stands. */
    public void recordVote(String txId, String participant, Vote vote) {
        var label = vote.isYes() ? "YES" : "NO";
        write(false, () -> {
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
    public void logPreCommit(String txId) {
        write(true, () -> {
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
    public void recordPreCommitAck(String txId, String participant) {
        write(false, () -> {
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
    public void recordConflict(String txId, String participant, BranchState theirs) {
        write(false, () -> {
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
    public void logDecision(String txId, Decision decision, String reason, boolean forced) {
        write(forced, () -> {
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

    public void recordAck(String txId, String participant) {
        write(false, () -> {
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

    public void logEnd(String txId, Decision decision) {
        var outcome = TransactionState.ended(decision).name();
        write(false, () -> {
            var ended =
                    jdbc.sql("""
                            UPDATE transactions SET state = :state, ended_at = now(), updated_at = now()
                            WHERE tx_id = :txId AND state IN ('COMMITTING', 'ABORTING')""").param("state", outcome).param("txId", txId).update();
            if (ended > 0) {
                events.publishEvent(new Completed(SuiteEvent.newEventId(), clock.instant(), txId, outcome));
            }
        });
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
