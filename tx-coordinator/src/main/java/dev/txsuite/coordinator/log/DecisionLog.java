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
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.BranchState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's writes to its log. A 2PC transaction costs three local transactions: its record, its decision,
 * its end; 3PC adds the PRE-COMMIT. Only two kinds must be durable before the coordinator goes on: under 3PC the
 * PRE-COMMIT record (before any PRE-COMMIT message) and a COMMIT decision, or an ABORT decided after PRE-COMMIT
 * (before any decision message). They set {@code synchronous_commit = on}; everything else commits with the session's
 * {@code off} (application.yml): losing it in a crash is harmless, because what the log does not know is aborted
 * (presumed abort), and a lost end or acknowledgement only makes recovery send an idempotent message again. The record
 * itself is not forced either: a forced decision flushes it first, and a transaction whose record was lost was never
 * decided, so it aborts.
 *
 * <p>Votes, PRE-COMMIT acknowledgements and decision acknowledgements have no write of their own: the run keeps them
 * in its state, tells this instance's live view as they arrive ({@link TransactionEvent}s that are not published),
 * and they are written with the decision, the end, or when a run stops before its end ({@link #recordProgress}).
 *
 * <p>Fencing: every write after the record is made by a run for the owner and epoch it holds. A write that changes
 * the transaction's row names both in its WHERE clause, so a transaction another instance took over meanwhile (its
 * lease expired) is not touched and the write throws {@link FencedOut}; the row lock the update takes keeps a
 * takeover out until the write commits. The rarer writes that change only branches (a conflict, a failed delivery)
 * lock the row first and check.
 *
 * <p>Every write publishes its transaction-level {@link TransactionEvent.Published} event inside its local
 * transaction, so the outbox row commits (or is lost) together with the change it describes; a write that changes
 * nothing publishes nothing.
 */
@Component
public class DecisionLog {

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private static final String UNDECIDED = "('PREPARING', 'PRE_COMMITTING')";

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
     * Records a new transaction and its branches, owned by this instance at the first epoch with a fresh lease, with
     * the initiator's YES vote if it has one; false if the id is already in the log. One statement for the branches,
     * not forced.
     */
    public boolean record(NewTransaction tx) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var inserted = jdbc.sql("""
                            INSERT INTO transactions (tx_id, protocol, state, owner, epoch, timeout_millis,
                                                      lease_expires_at, order_id, initiator)
                            VALUES (:txId, :protocol, 'PREPARING', :owner, :epoch, :timeoutMillis,
                                    now() + :leaseMillis * interval '1 millisecond', :orderId, :initiator)
                            ON CONFLICT (tx_id) DO NOTHING""")
                    .param("txId", tx.txId())
                    .param("initiator", tx.initiator())
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
            jdbc.sql("""
                            INSERT INTO branches (tx_id, participant, position, payload, vote, voted_at)
                            SELECT :txId, branch.participant, branch.position - 1, CAST(branch.payload AS jsonb),
                                   CASE WHEN branch.participant = :initiator THEN 'YES' END,
                                   CASE WHEN branch.participant = :initiator THEN now() END
                            FROM unnest(CAST(:participants AS text[]), CAST(:payloads AS text[]))
                                 WITH ORDINALITY AS branch (participant, payload, position)""")
                    .param("txId", tx.txId())
                    .param("initiator", tx.initiator())
                    .param("participants", tx.participants().toArray(String[]::new))
                    .param(
                            "payloads",
                            tx.branches().stream()
                                    .map(branch -> json.writeValueAsString(branch.payload()))
                                    .toArray(String[]::new))
                    .update();
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

    /**
     * A participant asks about a transaction the log does not know: it is presumed aborted, and the log keeps that, as
     * an ended ABORT with reason {@code PRESUMED_ABORT} (and no branches), forced, before the participant is told: its
     * begin, if it arrives later (an initiator's begin overtaken by the initiator's own timer, a record lost in a
     * crash before any decision), then finds the transaction in the log and is not run. A transaction recorded
     * meanwhile stays as it is.
     */
    public void presumeAbort(String txId) {
        transactions.executeWithoutResult(status -> {
            forced();
            jdbc.sql("""
                            INSERT INTO transactions (tx_id, protocol, state, decision, reason, owner, epoch,
                                                      timeout_millis, lease_expires_at, decided_at, ended_at)
                            VALUES (:txId, '2PC', 'ABORTED', 'ABORT', :reason, :owner, :epoch, 1, now(), now(), now())
                            ON CONFLICT (tx_id) DO NOTHING""")
                    .param("txId", txId)
                    .param("reason", Reasons.PRESUMED_ABORT)
                    .param("owner", owner)
                    .param("epoch", NewTransaction.FIRST_EPOCH)
                    .update();
        });
    }

    /** A vote as the run counts it: for this instance's live view now, for the log with the decision. */
    public void voteReceived(String txId, String participant, Vote vote, BranchProgress progress) {
        var now = clock.instant();
        progress.voted(participant, now);
        events.publishEvent(new VoteReceived(
                SuiteEvent.newEventId(), now, txId, participant, vote.isYes() ? "YES" : "NO", vote.reason()));
    }

    /** 3PC: a participant acknowledged PRE-COMMIT (or a recovery found it PRE-COMMITTED); written with the decision. */
    public void preCommitAcknowledged(String txId, String participant, BranchProgress progress) {
        var now = clock.instant();
        progress.preCommitAcknowledged(participant, now);
        events.publishEvent(new BranchPreCommitted(SuiteEvent.newEventId(), now, txId, participant));
    }

    /** A participant acknowledged the decision; written with the end. */
    public void acknowledged(String txId, String participant, BranchProgress progress) {
        var now = clock.instant();
        progress.acknowledged(participant, now);
        events.publishEvent(new BranchAcknowledged(SuiteEvent.newEventId(), now, txId, participant));
    }

    /**
     * 3PC: every vote was YES. Forced, with the votes: durable before the first PRE-COMMIT leaves, so that a recovery
     * knows to lead the termination protocol rather than presume abort. Only from PREPARING, like a decision.
     */
    public void logPreCommit(TxState state, BranchProgress progress) {
        transactions.executeWithoutResult(status -> {
            forced();
            var logged = jdbc.sql("""
                            UPDATE transactions
                            SET state = 'PRE_COMMITTING', pre_committed_at = now(), updated_at = now()
                            WHERE tx_id = :txId AND owner = :owner AND epoch = :epoch AND state = 'PREPARING'""")
                    .param("txId", state.txId())
                    .param("owner", owner)
                    .param("epoch", state.epoch())
                    .update();
            if (logged == 0) {
                throw refusal(state.txId(), state.epoch());
            }
            writeBranches(state, progress);
            events.publishEvent(new PreCommitted(SuiteEvent.newEventId(), clock.instant(), state.txId()));
        });
    }

    /**
     * Logs the decision of {@code state}, with the votes and acknowledgements it holds and the PRE-COMMIT
     * acknowledgements;
     * {@code forced}: durable when this returns. Only an undecided transaction (PREPARING, or PRE_COMMITTING under
     * 3PC) can be decided, so two runs of the same transaction (a recovery and a late original) can never log
     * different outcomes: the second gets {@link DecisionAlreadyLogged}.
     */
    public void logDecision(TxState state, BranchProgress progress, boolean forced) {
        transactions.executeWithoutResult(status -> {
            if (forced) {
                forced();
            }
            var decided = jdbc.sql("""
                            UPDATE transactions
                            SET state = :state, decision = :decision, reason = :reason, decided_at = now(),
                                updated_at = now()
                            WHERE tx_id = :txId AND owner = :owner AND epoch = :epoch AND state IN %s""".formatted(UNDECIDED))
                    .param("state", TransactionState.decided(state.decision()).name())
                    .param("decision", state.decision().name())
                    .param("reason", state.reason())
                    .param("txId", state.txId())
                    .param("owner", owner)
                    .param("epoch", state.epoch())
                    .update();
            if (decided == 0) {
                throw refusal(state.txId(), state.epoch());
            }
            writeBranches(state, progress);
            events.publishEvent(new Decided(
                    SuiteEvent.newEventId(),
                    clock.instant(),
                    state.txId(),
                    state.decision().name(),
                    state.reason()));
        });
    }

    /**
     * Every participant owed the decision acknowledged it (or ended against it): the transaction is over. Writes the
     * acknowledgements with it.
     */
    public void logEnd(TxState state, BranchProgress progress) {
        var outcome = TransactionState.ended(state.decision()).name();
        transactions.executeWithoutResult(status -> {
            var ended = jdbc.sql("""
                            UPDATE transactions SET state = :state, ended_at = now(), updated_at = now()
                            WHERE tx_id = :txId AND owner = :owner AND epoch = :epoch
                              AND state IN ('COMMITTING', 'ABORTING')
                            RETURNING protocol, created_at, ended_at""")
                    .param("state", outcome)
                    .param("txId", state.txId())
                    .param("owner", owner)
                    .param("epoch", state.epoch())
                    .query((row, rowNumber) -> completed(state.txId(), outcome, row))
                    .optional();
            if (ended.isEmpty()) {
                ensureOwned(state.txId(), state.epoch());
                return;
            }
            writeBranches(state, progress);
            events.publishEvent(ended.get());
        });
    }

    /**
     * A run that stops before its transaction ended (a participant it could not reach, a resumed run nobody answered)
     * writes the votes and acknowledgements it holds, so that operators and recovery see them. Fenced, not forced.
     */
    public void recordProgress(TxState state, BranchProgress progress) {
        transactions.executeWithoutResult(status -> {
            ensureOwned(state.txId(), state.epoch());
            writeBranches(state, progress);
        });
    }

    /**
     * A branch ended against the decision: recorded at once, with the state it reported, and counted as its
     * acknowledgement (nothing more can be sent to it). Atomicity is violated for this transaction.
     */
    public void recordConflict(String txId, long epoch, String participant, BranchState theirs) {
        transactions.executeWithoutResult(status -> {
            ensureOwned(txId, epoch);
            var recorded = jdbc.sql("""
                            UPDATE branches SET conflict = :theirs, acknowledged = true,
                                                acknowledged_at = coalesce(acknowledged_at, now()), updated_at = now()
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
     * A protocol message to the participant failed: the failure goes to the timeline and {@code tx.events}
     * ({@link DeliveryFailed}), counted per message. Not forced; fenced like every write of a run.
     *
     * @param message PREPARE, PRE-COMMIT, COMMIT or ABORT
     */
    public void recordDeliveryFailure(String txId, long epoch, String participant, String message, String error) {
        transactions.executeWithoutResult(status -> {
            ensureOwned(txId, epoch);
            var attempt = timeline.failedDeliveries(txId, participant, message) + 1;
            events.publishEvent(new DeliveryFailed(
                    SuiteEvent.newEventId(), clock.instant(), txId, participant, message, attempt, error));
        });
    }

    /**
     * The votes and acknowledgements of {@code state}, and the PRE-COMMIT acknowledgements of {@code progress} (the
     * state also counts the participants given up on as crashed, which the log must not show as pre-committed), that
     * the branches do not show yet, in one statement; each with the time the run learnt it, or now.
     */
    private void writeBranches(TxState state, BranchProgress progress) {
        var participants = state.participants();
        var votes = participants.stream().map(name -> state.votes().get(name)).toList();
        jdbc.sql("""
                        UPDATE branches b
                        SET vote = coalesce(b.vote, known.vote),
                            vote_reason = CASE WHEN b.vote IS NULL THEN known.vote_reason ELSE b.vote_reason END,
                            voted_at = CASE WHEN b.vote IS NULL AND known.vote IS NOT NULL
                                            THEN coalesce(known.voted_at, now()) ELSE b.voted_at END,
                            pre_committed = b.pre_committed OR known.pre_committed,
                            pre_committed_at = CASE WHEN NOT b.pre_committed AND known.pre_committed
                                                    THEN coalesce(known.pre_committed_at, now())
                                                    ELSE b.pre_committed_at END,
                            acknowledged = b.acknowledged OR known.acknowledged,
                            acknowledged_at = CASE WHEN NOT b.acknowledged AND known.acknowledged
                                                   THEN coalesce(known.acknowledged_at, now())
                                                   ELSE b.acknowledged_at END,
                            updated_at = now()
                        FROM unnest(CAST(:participants AS text[]), CAST(:votes AS text[]), CAST(:reasons AS text[]),
                                    CAST(:votedAt AS timestamptz[]), CAST(:preCommitted AS boolean[]),
                                    CAST(:preCommittedAt AS timestamptz[]), CAST(:acknowledged AS boolean[]),
                                    CAST(:acknowledgedAt AS timestamptz[]))
                             AS known (participant, vote, vote_reason, voted_at, pre_committed, pre_committed_at,
                                       acknowledged, acknowledged_at)
                        WHERE b.tx_id = :txId AND b.participant = known.participant
                          AND ((b.vote IS NULL AND known.vote IS NOT NULL)
                               OR (NOT b.pre_committed AND known.pre_committed)
                               OR (NOT b.acknowledged AND known.acknowledged))""")
                .param("txId", state.txId())
                .param("participants", participants.toArray(String[]::new))
                .param("votes", votes.stream().map(DecisionLog::label).toArray(String[]::new))
                .param(
                        "reasons",
                        votes.stream()
                                .map(vote -> vote == null ? null : vote.reason())
                                .toArray(String[]::new))
                .param("votedAt", times(participants, progress::votedAt))
                .param(
                        "preCommitted",
                        participants.stream()
                                .map(progress.preCommitAcknowledged()::contains)
                                .toArray(Boolean[]::new))
                .param("preCommittedAt", times(participants, progress::preCommitAcknowledgedAt))
                .param(
                        "acknowledged",
                        participants.stream().map(state.acked()::contains).toArray(Boolean[]::new))
                .param("acknowledgedAt", times(participants, progress::acknowledgedAt))
                .update();
    }

    private static Timestamp[] times(List<String> participants, Function<String, Instant> time) {
        return participants.stream()
                .map(time)
                .map(at -> at == null ? null : Timestamp.from(at))
                .toArray(Timestamp[]::new);
    }

    private static String label(Vote vote) {
        return vote == null ? null : vote.isYes() ? "YES" : "NO";
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

    /**
     * Why a fenced update of the transaction's row changed nothing: another owner or a higher epoch ({@link
     * FencedOut}), or a state the write does not apply to (decided already).
     */
    private RuntimeException refusal(String txId, long epoch) {
        var holder = holder(txId);
        if (!holder.owner().equals(owner) || holder.epoch() != epoch) {
            return new FencedOut(txId, epoch, holder.owner(), holder.epoch());
        }
        return new DecisionAlreadyLogged(txId);
    }

    /**
     * Locks the transaction's row until the write commits and checks that this instance still owns it at the run's
     * epoch; a takeover waits for the lock, or has already changed the row and the write is refused.
     */
    private void ensureOwned(String txId, long epoch) {
        var holder = holder(txId);
        if (!holder.owner().equals(owner) || holder.epoch() != epoch) {
            throw new FencedOut(txId, epoch, holder.owner(), holder.epoch());
        }
    }

    private Holder holder(String txId) {
        return jdbc.sql("SELECT owner, epoch FROM transactions WHERE tx_id = :txId FOR NO KEY UPDATE")
                .param("txId", txId)
                .query((row, rowNumber) -> new Holder(row.getString("owner"), row.getLong("epoch")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " is not in the log"));
    }

    private record Holder(String owner, long epoch) {}

    /** Set explicitly, so that a forced write stays forced whatever the session or the server says. */
    private void forced() {
        jdbc.sql("SET LOCAL synchronous_commit = on").update();
    }
}
