package dev.txsuite.coordinator.log;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of the coordinator's log: one transaction, an operator's search, and what recovery has to finish. Recovery and
 * the phase-two retry job only ever act on the transactions their own instance owns: the lists they read take
 * the owner.
 */
@Component
public class LoggedTransactions {

    private static final String COLUMNS = """
            SELECT tx_id, order_id, protocol, state, decision, reason, owner, epoch, timeout_millis, created_at,
                   pre_committed_at, decided_at, ended_at, lease_expires_at, resolved_by, resolved_at, resolution_note,
                   initiator
            FROM transactions""";

    /**
     * An unfinished transaction is in doubt (blocked) past its vote deadline plus {@code :graceMillis}, or once its
     * owner's lease expired.
     */
    private static final String IN_DOUBT = """
            (created_at + (timeout_millis + :graceMillis) * interval '1 millisecond' <= now()
             OR lease_expires_at <= now())""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LoggedTransactions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<LoggedTransaction> find(String txId) {
        return jdbc.sql(COLUMNS + " WHERE tx_id = :txId")
                .param("txId", txId)
                .query((row, rowNumber) -> transaction(row))
                .optional()
                .map(tx -> tx.withBranches(branchesOf(List.of(txId)).getOrDefault(txId, List.of())));
    }

    private List<LoggedTransaction> withBranches(List<LoggedTransaction> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        var branches = branchesOf(headers.stream().map(LoggedTransaction::txId).toList());
        return headers.stream()
                .map(tx -> tx.withBranches(branches.getOrDefault(tx.txId(), List.of())))
                .toList();
    }

    /** The text matched literally by LIKE: its wildcards and the escape character escaped. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The transactions the search finds, in its order, with their branches. */
    public List<LoggedTransaction> search(TransactionSearch search) {
        var conditions = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        conditions.add("state IN (:states)");
        params.put("states", search.states().stream().map(Enum::name).toList());
        if (search.inDoubtGrace() != null) {
            conditions.add(IN_DOUBT);
            params.put("graceMillis", search.inDoubtGrace().toMillis());
        }
        if (search.protocol() != null) {
            conditions.add("protocol = :protocol");
            params.put("protocol", search.protocol().label());
        }
        if (search.participant() != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM branches b
                            WHERE b.tx_id = transactions.tx_id AND b.participant = :participant)""");
            params.put("participant", search.participant());
        }
        if (search.minAge() != null) {
            conditions.add("created_at <= now() - :minAgeMillis * interval '1 millisecond'");
            params.put("minAgeMillis", search.minAge().toMillis());
        }
        if (search.idOrOrderId() != null) {
            var text = search.idOrOrderId();
            conditions.add(
                    text.length() >= TransactionSearch.MIN_PREFIX
                            ? "(tx_id LIKE :prefix OR order_id LIKE :prefix)"
                            : "(tx_id = :text OR order_id = :text)");
            params.put("text", text);
            params.put("prefix", likeEscaped(text) + "%");
        }
        params.put("limit", search.limit());
        var headers = jdbc.sql(COLUMNS + " WHERE " + String.join(" AND ", conditions) + " ORDER BY created_at "
                        + (search.oldestFirst() ? "ASC" : "DESC") + ", tx_id LIMIT :limit")
                .params(params)
                .query((row, rowNumber) -> transaction(row))
                .list();
        return withBranches(headers);
    }

    /** How many transactions are unfinished, of every owner, and how many of them are in doubt. */
    public UnfinishedCount countUnfinished(Duration inDoubtGrace) {
        return jdbc.sql("""
                        SELECT count(*) AS in_flight, count(*) FILTER (WHERE %s) AS in_doubt
                        FROM transactions WHERE state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING')""".formatted(IN_DOUBT))
                .param("graceMillis", inDoubtGrace.toMillis())
                .query((row, rowNumber) -> new UnfinishedCount(row.getLong("in_flight"), row.getLong("in_doubt")))
                .single();
    }

    public record UnfinishedCount(long inFlight, long inDoubt) {}

    /** Every unfinished transaction of the owner, oldest first. */
    public List<String> unfinished(String owner) {
        return jdbc.sql("""
                        SELECT tx_id FROM transactions
                        WHERE state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING') AND owner = :owner
                        ORDER BY created_at""").param("owner", owner).query(String.class).list();
    }

    /** Decided transactions of the owner some participant has not acknowledged yet, oldest first. */
    public List<String> decidedUnfinished(String owner) {
        return jdbc.sql("""
                        SELECT tx_id FROM transactions WHERE state IN ('COMMITTING', 'ABORTING') AND owner = :owner
                        ORDER BY created_at""").param("owner", owner).query(String.class).list();
    }

    /** Undecided transactions of the owner whose vote deadline passed more than {@code grace} ago, oldest first. */
    public List<String> undecidedPastDeadline(String owner, Duration grace) {
        return jdbc.sql("""
                        SELECT tx_id FROM transactions
                        WHERE state = 'PREPARING' AND owner = :owner
                          AND created_at < now() - (timeout_millis + :graceMillis) * interval '1 millisecond'
                        ORDER BY created_at""")
                .param("owner", owner)
                .param("graceMillis", grace.toMillis())
                .query(String.class)
                .list();
    }

    /**
     * 3PC transactions of the owner left PRE_COMMITTING more than their deadline plus {@code grace} after the
     * PRE-COMMIT (its run was lost, or the termination protocol found nobody to ask), oldest first.
     */
    public List<String> preCommittingPastDeadline(String owner, Duration grace) {
        return jdbc.sql("""
                        SELECT tx_id FROM transactions
                        WHERE state = 'PRE_COMMITTING' AND owner = :owner
                          AND pre_committed_at < now() - (timeout_millis + :graceMillis) * interval '1 millisecond'
                        ORDER BY created_at""")
                .param("owner", owner)
                .param("graceMillis", grace.toMillis())
                .query(String.class)
                .list();
    }

    /** The branches of the transactions, by transaction id, each list in PREPARE order. */
    private Map<String, List<LoggedTransaction.Branch>> branchesOf(List<String> txIds) {
        return jdbc
                .sql("""
                        SELECT tx_id, participant, payload::text AS payload, vote, vote_reason, acknowledged,
                               pre_committed, conflict, voted_at, pre_committed_at, acknowledged_at
                        FROM branches WHERE tx_id IN (:txIds) ORDER BY tx_id, position""")
                .param("txIds", txIds)
                .query((row, rowNumber) -> new TxBranch(
                        row.getString("tx_id"),
                        new LoggedTransaction.Branch(
                                row.getString("participant"),
                                json.readTree(row.getString("payload")),
                                vote(row.getString("vote"), row.getString("vote_reason")),
                                row.getBoolean("acknowledged"),
                                row.getBoolean("pre_committed"),
                                row.getString("conflict") == null
                                        ? null
                                        : BranchState.valueOf(row.getString("conflict")),
                                instant(row, "voted_at"),
                                instant(row, "pre_committed_at"),
                                instant(row, "acknowledged_at"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        TxBranch::txId, LinkedHashMap::new, Collectors.mapping(TxBranch::branch, Collectors.toList())));
    }

    private static LoggedTransaction transaction(ResultSet row) throws SQLException {
        var decision = row.getString("decision");
        var resolvedAt = instant(row, "resolved_at");
        return new LoggedTransaction(
                row.getString("tx_id"),
                row.getString("order_id"),
                Protocol.fromLabel(row.getString("protocol")),
                TransactionState.valueOf(row.getString("state")),
                decision == null ? null : Decision.valueOf(decision),
                row.getString("reason"),
                row.getString("owner"),
                row.getLong("epoch"),
                row.getLong("timeout_millis"),
                instant(row, "created_at"),
                instant(row, "pre_committed_at"),
                instant(row, "decided_at"),
                instant(row, "ended_at"),
                instant(row, "lease_expires_at"),
                resolvedAt == null
                        ? null
                        : new LoggedTransaction.Resolution(
                                row.getString("resolved_by"), resolvedAt, row.getString("resolution_note")),
                row.getString("initiator"),
                List.of());
    }

    private static Vote vote(String vote, String reason) {
        if (vote == null) {
            return null;
        }
        return "YES".equals(vote) ? Vote.yes() : Vote.no(reason);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record TxBranch(String txId, LoggedTransaction.Branch branch) {}
}
