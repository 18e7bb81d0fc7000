package dev.txsuite.coordinator.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each transaction's history ({@code tx_timeline}). Every {@link TransactionEvent} is published inside the local
 * transaction of the log write it describes, and this synchronous listener adds its line there: the line commits,
 * or is lost, with the change. One INSERT per event is all it costs the protocol.
 */
@Component
public class TransactionTimeline {

    private final JdbcClient jdbc;

    TransactionTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void record(TransactionEvent event) {
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
    public List<TimelineEntry> of(String txId) {
        return jdbc.sql("""
                        SELECT time, type, participant, detail FROM tx_timeline
                        WHERE tx_id = :txId ORDER BY time, id""")
                .param("txId", txId)
                .query((row, rowNumber) -> entry(row))
                .list();
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
