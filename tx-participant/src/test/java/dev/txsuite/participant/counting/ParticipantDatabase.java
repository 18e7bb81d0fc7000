package dev.txsuite.participant.counting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a counting participant's database holds of one transaction: its participant-log row and its work. Reads
 * through a connection of its own, so it also looks while the participant is stopped.
 */
record ParticipantDatabase(JdbcClient jdbc) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ParticipantDatabase(DataSource dataSource) {
        this(JdbcClient.create(dataSource));
    }

    /**
     * @param participants the list CAN-COMMIT gave, as stored
     * @param timerMillis how far after the row's last write its timer expires; null when no timer runs
     */
    record BranchRow(
            String state,
            String protocol,
            JsonNode participants,
            Long timerMillis,
            OffsetDateTime deadline,
            String reason,
            long epoch) {}

    record WorkRow(int units, String state, String reason) {}

    Optional<BranchRow> branch(String txId) {
        var sql = """
                select state, protocol, participants::text as participants, reason, epoch, deadline,
                       (extract(epoch from deadline - updated_at) * 1000)::bigint as timer_millis
                from participant_log where tx_id = ?""";
        return jdbc.sql(sql).param(txId).query(ParticipantDatabase::branchRow).optional();
    }

    Optional<String> stateOf(String txId) {
        return branch(txId).map(BranchRow::state);
    }

    Optional<WorkRow> work(String txId) {
        return jdbc.sql("select units, state, reason from counted_work where tx_id = ?")
                .param(txId)
                .query(WorkRow.class)
                .optional();
    }

    private static BranchRow branchRow(ResultSet row, int rowNumber) throws SQLException {
        return new BranchRow(
                row.getString("state"),
                row.getString("protocol"),
                JSON.readTree(row.getString("participants")),
                row.getObject("timer_millis", Long.class),
                row.getObject("deadline", OffsetDateTime.class),
                row.getString("reason"),
                row.getLong("epoch"));
    }
}
