package dev.txsuite.participant;

import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of every branch this participant has seen (table {@code participant_log}). It joins the
 * caller's local transaction, so a branch record and the business change it describes commit together.
 */
public class ParticipantLog {

    private final JdbcClient jdbc;

    public ParticipantLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the messages of one transaction until the current local transaction ends. Held only for that
     * local transaction, never across a network call.
     */
    void lock(String txId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:txId, 0))")
                .param("txId", txId)
                .query()
                .listOfRows();
    }

    public Optional<Branch> find(String txId) {
        return jdbc.sql(
                        "select tx_id, state, vote, vote_reason, reason, epoch from participant_log where tx_id = :txId")
                .param("txId", txId)
                .query(ParticipantLog::branch)
                .optional();
    }

    void save(Branch branch) {
        if (branch.state() == BranchState.NONE) {
            throw new IllegalArgumentException("branch " + branch.txId() + " has no state worth recording");
        }
        var vote = branch.vote();
        jdbc.sql("""
                        insert into participant_log (tx_id, state, vote, vote_reason, reason, epoch)
                        values (:txId, :state, :vote, :voteReason, :reason, :epoch)
                        on conflict (tx_id) do update set
                            state = excluded.state, vote = excluded.vote, vote_reason = excluded.vote_reason,
                            reason = excluded.reason, epoch = excluded.epoch, updated_at = now()
                        """)
                .param("txId", branch.txId())
                .param("state", branch.state().name())
                .param("vote", vote == null ? null : vote.isYes() ? "YES" : "NO")
                .param("voteReason", vote == null ? null : vote.reason())
                .param("reason", branch.reason())
                .param("epoch", branch.epoch())
                .update();
    }

    private static Branch branch(ResultSet row, int rowNumber) throws SQLException {
        var vote = row.getString("vote");
        return new Branch(
                row.getString("tx_id"),
                BranchState.valueOf(row.getString("state")),
                vote == null ? null : "YES".equals(vote) ? Vote.yes() : Vote.no(row.getString("vote_reason")),
                row.getLong("epoch"),
                row.getString("reason"));
    }
}
