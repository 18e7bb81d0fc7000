package dev.txsuite.testing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A look at a participant's {@code participant_log} table, the durable record of each branch's protocol state. */
public record BranchLog(JdbcClient jdbc) {

    public record LogRow(String state, String vote, String voteReason, String reason, long epoch) {}

    public Optional<LogRow> of(String txId) {
        return jdbc.sql("select state, vote, vote_reason, reason, epoch from participant_log where tx_id = ?")
                .param(txId)
                .query(LogRow.class)
                .optional();
    }
}
