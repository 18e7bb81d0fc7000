package dev.txsuite.participant;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The durable record of every branch this participant has seen (table {@code participant_log}). It joins the
 * caller's local transaction, so a branch record and the business change it describes commit together. An
 * in-doubt branch's row carries the deadline of its timer, computed by the database's clock so that every
 * instance of the service agrees on which timers expired.
 */
public class ParticipantLog {

    private static final String COLUMNS =
            "tx_id, state, vote, vote_reason, reason, epoch, protocol, participants::text as participants";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Duration readyTimeout;
    private final Duration preCommitTimeout;

    /**
     * @param readyTimeout the timer of a PREPARED (3PC: READY) branch
     * @param preCommitTimeout the timer of a PRE_COMMITTED branch
     */
    public ParticipantLog(JdbcClient jdbc, ObjectMapper json, Duration readyTimeout, Duration preCommitTimeout) {
        this.jdbc = jdbc;
        this.json = json;
        this.readyTimeout = readyTimeout;
        this.preCommitTimeout = preCommitTimeout;
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
        return jdbc.sql("select " + COLUMNS + " from participant_log where tx_id = :txId")
                .param("txId", txId)
                .query(this::branch)
                .optional();
    }

    /** Where the participants of a 3PC transaction listen, as its CAN-COMMIT listed them; empty under 2PC. */
    public List<Peer> peers(String txId) {
        return jdbc.sql("select participants::text from participant_log where tx_id = :txId")
                .param("txId", txId)
                .query(String.class)
                .optional()
                .map(this::peersOf)
                .orElse(List.of());
    }

    /**
     * Records the branch. While it is in doubt its timer runs: the deadline becomes now + the timeout of its
     * state, and a final state clears it.
     *
     * @param peers the participants with their URLs; recorded only with a new branch, since CAN-COMMIT (the
     *     message that creates it) is the only one that lists them
     */
    void save(Branch branch, List<Peer> peers) {
        if (branch.state() == BranchState.NONE) {
            throw new IllegalArgumentException("branch " + branch.txId() + " has no state worth recording");
        }
        var vote = branch.vote();
        jdbc.sql("""
                        insert into participant_log
                            (tx_id, state, vote, vote_reason, reason, epoch, protocol, participants, deadline)
                        values (:txId, :state, :vote, :voteReason, :reason, :epoch, :protocol,
                                cast(:participants as jsonb),
                                now() + cast(:timeoutMillis as bigint) * interval '1 millisecond')
                        on conflict (tx_id) do update set
                            state = excluded.state, vote = excluded.vote, vote_reason = excluded.vote_reason,
                            reason = excluded.reason, epoch = excluded.epoch, deadline = excluded.deadline,
                            updated_at = now()
                        """)
                .param("txId", branch.txId())
                .param("state", branch.state().name())
                .param("vote", vote == null ? null : vote.isYes() ? "YES" : "NO")
                .param("voteReason", vote == null ? null : vote.reason())
                .param("reason", branch.reason())
                .param("epoch", branch.epoch())
                .param("protocol", branch.protocol().label())
                .param("participants", json.writeValueAsString(peers))
                .param("timeoutMillis", timeoutMillis(branch.state()))
                .update();
    }

    /**
     * Takes up to {@code limit} in-doubt branches whose timer expired, oldest first, and re-arms their timers in
     * the same statement, which commits before the caller makes any network call. That re-armed timer is the
     * next attempt for a branch that stays in doubt, and it keeps other instances of the service from working on
     * the same branches meanwhile; rows another instance is claiming right now are skipped, not waited for.
     */
    List<Branch> claimExpired(int limit) {
        return jdbc.sql("""
                        with expired as (
                            select tx_id from participant_log
                            where state in ('PREPARED', 'PRE_COMMITTED') and deadline <= now()
                            order by deadline
                            limit :limit
                            for update skip locked)
                        update participant_log branch
                        set deadline = now() + case branch.state
                                when 'PREPARED' then cast(:readyMillis as bigint)
                                else cast(:preCommitMillis as bigint) end * interval '1 millisecond'
                        from expired
                        where branch.tx_id = expired.tx_id
                        returning branch.tx_id, branch.state, branch.vote, branch.vote_reason, branch.reason,
                            branch.epoch, branch.protocol, branch.participants::text as participants
                        """)
                .param("limit", limit)
                .param("readyMillis", readyTimeout.toMillis())
                .param("preCommitMillis", preCommitTimeout.toMillis())
                .query(this::branch)
                .list();
    }

    private Long timeoutMillis(BranchState state) {
        return switch (state) {
            case PREPARED -> readyTimeout.toMillis();
            case PRE_COMMITTED -> preCommitTimeout.toMillis();
            case NONE, COMMITTED, ABORTED -> null;
        };
    }

    private List<Peer> peersOf(String participants) {
        return Arrays.asList(json.readValue(participants, Peer[].class));
    }

    private Branch branch(ResultSet row, int rowNumber) throws SQLException {
        var vote = row.getString("vote");
        return new Branch(
                row.getString("tx_id"),
                BranchState.valueOf(row.getString("state")),
                vote == null ? null : "YES".equals(vote) ? Vote.yes() : Vote.no(row.getString("vote_reason")),
                row.getLong("epoch"),
                row.getString("reason"),
                Protocol.fromLabel(row.getString("protocol")),
                peersOf(row.getString("participants")).stream().map(Peer::name).toList());
    }
}
