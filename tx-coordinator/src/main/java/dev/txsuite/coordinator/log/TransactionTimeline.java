package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.log.TransactionEvent.BranchConflict;
import dev.txsuite.coordinator.log.TransactionEvent.DeliveryFailed;
import dev.txsuite.coordinator.log.TransactionEvent.OperatorAction;
import dev.txsuite.coordinator.log.TransactionEvent.TakenOver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each transaction's history. What the log records anyway gives most of it: the transaction's record, PRE-COMMIT,
 * decision and end, and each branch's vote, PRE-COMMIT acknowledgement and acknowledgement, with the times they were
 * written. The events nothing else records (a takeover, a failed delivery, an operator's action, a conflict) each add
 * a line to {@code tx_timeline}, inserted by this synchronous listener in the local transaction of the log write that
 * publishes the event, so the line commits, or is lost, with the change.
 */
@Component
public class TransactionTimeline {

    private final JdbcClient jdbc;

    TransactionTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void record(TransactionEvent event) {
        if (!(event instanceof TakenOver
                || event instanceof DeliveryFailed
                || event instanceof OperatorAction
                || event instanceof BranchConflict)) {
            return;
        }
        var entry = TimelineEntry.of(event);
        jdbc.sql("""
                        INSERT INTO tx_timeline (tx_id, time, type, participant, detail)
                        VALUES (:txId, :time, :type, :participant, :detail)""")
                .param("txId", event.txId())
                .param("time", OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC))
                .param("type", entry.type())
                .param("participant", entry.participant())
                .param("detail", entry.detail())
                .update();
    }

    /** The transaction's history in time order; empty for a transaction the log does not know. */
    public List<TimelineEntry> of(LoggedTransaction tx) {
        var entries = new ArrayList<>(TimelineEntry.ofLog(tx));
        entries.addAll(jdbc.sql("""
                        SELECT time, type, participant, detail FROM tx_timeline
                        WHERE tx_id = :txId ORDER BY time, id""")
                .param("txId", tx.txId())
                .query((row, rowNumber) -> entry(row))
                .list());
        entries.sort(Comparator.comparing(TimelineEntry::time));
        return entries;
    }

    /**
     * How many deliveries of the message to the participant failed so far: the lines of {@link
     * TransactionEvent.DeliveryFailed} start with the message's name. Read only when a delivery failed.
     */
    int failedDeliveries(String txId, String participant, String message) {
        return jdbc.sql("""
                        SELECT count(*) FROM tx_timeline
                        WHERE tx_id = :txId AND type = 'delivery-failed' AND participant = :participant
                          AND detail LIKE :message || ' not delivered%'""")
                .param("txId", txId)
                .param("participant", participant)
                .param("message", message)
                .query(Integer.class)
                .single();
    }

    private static TimelineEntry entry(ResultSet row) throws SQLException {
        return new TimelineEntry(
                row.getObject("time", OffsetDateTime.class).toInstant(),
                row.getString("type"),
                row.getString("participant"),
                row.getString("detail"));
    }
}
