package dev.txsuite.coordinator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows in the coordinator's log as another coordinator instance would have left them: a 2PC transaction, undecided
 * by default, created now, owned by a live instance whose lease runs ten more minutes. {@link #leaseExpired()}
 * makes that owner one that crashed or is paused; {@link #ownedBy} gives the row to another instance, such as
 * the one under test (as it would find its own rows after a restart).
 */
public final class LoggedTransactionBuilder {

    private record Branch(
            String participant,
            String vote,
            String reason,
            boolean preCommitted,
            boolean acknowledged,
            String conflict) {}

    private final String txId = "crashed-" + UUID.randomUUID();
    private final List<Branch> branches = new ArrayList<>();
    private String protocol = "2PC";
    private String state = "PREPARING";
    private String decision;
    private String reason;
    private String orderId;
    private Duration took;
    private Duration age = Duration.ZERO;
    private long timeoutMillis = 60_000;
    private String owner = "live-instance";
    private Duration leaseLeft = Duration.ofMinutes(10);
    private String initiator;

    private LoggedTransactionBuilder() {}

    public static LoggedTransactionBuilder aLoggedTransaction() {
        return new LoggedTransactionBuilder();
    }

    public LoggedTransactionBuilder committing() {
        state = "COMMITTING";
        decision = "COMMIT";
        return this;
    }

    public LoggedTransactionBuilder aborting(String abortReason) {
        state = "ABORTING";
        decision = "ABORT";
        reason = abortReason;
        return this;
    }

    /** Ended COMMITTED {@code after} its creation (create it at least that long ago). */
    public LoggedTransactionBuilder committedAfter(Duration after) {
        committing();
        state = "COMMITTED";
        took = after;
        return this;
    }

    /** Ended ABORTED {@code after} its creation (create it at least that long ago). */
    public LoggedTransactionBuilder abortedAfter(Duration after, String abortReason) {
        aborting(abortReason);
        state = "ABORTED";
        took = after;
        return this;
    }

    /** Under three-phase commit (still PREPARING unless told otherwise). */
    public LoggedTransactionBuilder threePhase() {
        protocol = "3PC";
        return this;
    }

    public LoggedTransactionBuilder forOrder(String id) {
        orderId = id;
        return this;
    }

    /** A 3PC transaction whose votes were all YES and whose PRE-COMMIT is logged, as long ago as it was created. */
    public LoggedTransactionBuilder preCommitting() {
        protocol = "3PC";
        state = "PRE_COMMITTING";
        return this;
    }

    public LoggedTransactionBuilder ownedBy(String instanceId) {
        owner = instanceId;
        return this;
    }

    /** Its owner stopped renewing the lease a second ago: any other instance may take the transaction over. */
    public LoggedTransactionBuilder leaseExpired() {
        owner = "crashed-instance";
        leaseLeft = Duration.ofSeconds(-1);
        return this;
    }

    public LoggedTransactionBuilder createdAgo(Duration age) {
        this.age = age;
        return this;
    }

    public LoggedTransactionBuilder timeoutMillis(long millis) {
        timeoutMillis = millis;
        return this;
    }

    public LoggedTransactionBuilder notVoted(String participant) {
        branches.add(new Branch(participant, null, null, false, false, null));
        return this;
    }

    /** Begun by {@code participant}, whose YES vote came with the begin. */
    public LoggedTransactionBuilder begunBy(String participant) {
        initiator = participant;
        return votedYes(participant);
    }

    public LoggedTransactionBuilder votedYes(String participant) {
        branches.add(new Branch(participant, "YES", null, false, false, null));
        return this;
    }

    /** Voted YES and acknowledged PRE-COMMIT. */
    public LoggedTransactionBuilder preCommitted(String participant) {
        branches.add(new Branch(participant, "YES", null, true, false, null));
        return this;
    }

    public LoggedTransactionBuilder acknowledged(String participant) {
        branches.add(new Branch(participant, "YES", null, false, true, null));
        return this;
    }

    /** Voted YES, then reported its branch ended {@code state} against the decision (a split outcome). */
    public LoggedTransactionBuilder conflicted(String participant, String state) {
        branches.add(new Branch(participant, "YES", null, true, true, state));
        return this;
    }

    /** Inserts the rows and returns the transaction id. */
    public String insertInto(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO transactions (tx_id, protocol, state, decision, reason, owner, timeout_millis,
                                                  created_at, pre_committed_at, decided_at, ended_at,
                                                  lease_expires_at, order_id, initiator)
                        VALUES (:txId, :protocol, :state, :decision, :reason, :owner, :timeoutMillis,
                                now() - :ageMillis * interval '1 millisecond',
                                CASE WHEN :preCommitted THEN now() - :ageMillis * interval '1 millisecond' END,
                                CASE WHEN :decided THEN now() - (:ageMillis - :tookMillis) * interval '1 millisecond'
                                END,
                                CASE WHEN :ended THEN now() - (:ageMillis - :tookMillis) * interval '1 millisecond' END,
                                now() + :leaseLeftMillis * interval '1 millisecond', :orderId, :initiator)""")
                .param("txId", txId)
                .param("initiator", initiator)
                .param("reason", reason)
                .param("orderId", orderId)
                .param("ended", took != null)
                .param("tookMillis", took == null ? age.toMillis() : took.toMillis())
                .param("owner", owner)
                .param("leaseLeftMillis", leaseLeft.toMillis())
                .param("protocol", protocol)
                .param("preCommitted", state.equals("PRE_COMMITTING"))
                .param("state", state)
                .param("decision", decision)
                .param("decided", decision != null)
                .param("timeoutMillis", timeoutMillis)
                .param("ageMillis", age.toMillis())
                .update();
        var position = 0;
        for (var branch : branches) {
            jdbc.sql("""
                            INSERT INTO branches (tx_id, participant, position, payload, vote, vote_reason,
                                                  pre_committed, acknowledged, conflict)
                            VALUES (:txId, :participant, :position, '{}'::jsonb, :vote, :reason, :preCommitted,
                                    :acknowledged, :conflict)""")
                    .param("conflict", branch.conflict())
                    .param("txId", txId)
                    .param("participant", branch.participant())
                    .param("position", position++)
                    .param("vote", branch.vote())
                    .param("reason", branch.reason())
                    .param("preCommitted", branch.preCommitted())
                    .param("acknowledged", branch.acknowledged())
                    .update();
        }
        return txId;
    }
}
