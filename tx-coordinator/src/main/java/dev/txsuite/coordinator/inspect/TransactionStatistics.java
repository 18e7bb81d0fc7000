package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.AdminProperties;
import dev.txsuite.coordinator.inspect.TransactionStats.ProtocolStats;
import dev.txsuite.coordinator.log.LoggedTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures of the last minute, from the decision log, so that they hold for every coordinator instance. */
@Component
public class TransactionStatistics {

    static final int WINDOW_SECONDS = 60;

    /** Null protocol: the ROLLUP's total over both. */
    private static final String ALL = "all";

    private final JdbcClient jdbc;
    private final LoggedTransactions loggedTransactions;
    private final AdminProperties properties;

    TransactionStatistics(JdbcClient jdbc, LoggedTransactions loggedTransactions, AdminProperties properties) {
        this.jdbc = jdbc;
        this.loggedTransactions = loggedTransactions;
        this.properties = properties;
    }

    public TransactionStats lastMinute() {
        var protocols = new LinkedHashMap<String, ProtocolStats>();
        List.of("2PC", "3PC", ALL).forEach(label -> protocols.put(label, of(0, 0, 0, null, null)));
        jdbc.sql("""
                        SELECT coalesce(protocol, 'all') AS protocol, count(*) AS completed,
                               count(*) FILTER (WHERE state = 'COMMITTED') AS committed,
                               count(*) FILTER (WHERE state = 'ABORTED') AS aborted,
                               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY ended_at - created_at))
                                   AS p50_seconds,
                               extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY ended_at - created_at))
                                   AS p99_seconds
                        FROM transactions
                        WHERE ended_at >= now() - :windowSeconds * interval '1 second'
                        GROUP BY ROLLUP (protocol)""").param("windowSeconds", WINDOW_SECONDS).query(row -> {
            protocols.put(row.getString("protocol"), row(row));
        });
        var unfinished = loggedTransactions.countUnfinished(properties.inDoubtGrace());
        return new TransactionStats(WINDOW_SECONDS, protocols, unfinished.inFlight(), unfinished.inDoubt());
    }

    private static ProtocolStats row(ResultSet row) throws SQLException {
        return of(
                row.getLong("completed"),
                row.getLong("committed"),
                row.getLong("aborted"),
                millis(row, "p50"),
                millis(row, "p99"));
    }

    private static ProtocolStats of(long completed, long committed, long aborted, Long p50, Long p99) {
        return new ProtocolStats(
                completed,
                committed,
                aborted,
                (double) completed / WINDOW_SECONDS,
                completed == 0 ? null : (double) committed / completed,
                completed == 0 ? null : (double) aborted / completed,
                p50,
                p99);
    }

    /** An interval as whole milliseconds; null stays null. */
    private static Long millis(ResultSet row, String column) throws SQLException {
        var seconds = row.getBigDecimal(column + "_seconds");
        return seconds == null ? null : Math.round(seconds.doubleValue() * 1000);
    }
}
