package dev.txsuite.coordinator.live;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/transactions/live}: the transactions in flight, oldest first, and the
 * {@code recent} last finished ones, newest first, as {@code tx.events} tells every coordinator instance.
 */
public record LiveTransactions(List<LiveTransaction> inFlight, List<LiveTransaction> recent) {

    /**
     * One transaction. {@code phase} is PREPARING, PRE_COMMITTING (3PC), COMMITTING, ABORTING or ENDED; {@code outcome} (COMMITTED or
     * ABORTED), {@code endedAt} and {@code durationMillis} are null until it ended. {@code protocol} and
     * {@code startedAt} come from the begun event; until that arrives, {@code startedAt} is the time of the first
     * event seen. {@code owner} and {@code epoch} are those of the begun event, or of the latest taken-over event
     * (null until either arrived). {@code events} is the transaction's history, in time order.
     */
    public record LiveTransaction(
            String txId,
            String protocol,
            String phase,
            String owner,
            Long epoch,
            Instant startedAt,
            long ageMillis,
            String decision,
            String reason,
            String outcome,
            Instant endedAt,
            Long durationMillis,
            List<Participant> participants,
            List<Event> events) {}

    /**
     * {@code vote} (YES or NO) and {@code reason} are null until the vote was counted; {@code preCommitted}: it
     * acknowledged PRE-COMMIT (3PC); {@code conflict}: the final state it reported against the decision, or null.
     */
    public record Participant(
            String participant,
            String vote,
            String reason,
            boolean acknowledged,
            boolean preCommitted,
            String conflict) {}

    /**
     * {@code type}: begun, taken-over, vote-received, pre-committed, branch-pre-committed, decided,
     * branch-acknowledged, branch-conflict, delivery-failed, operator-action or completed.
     */
    public record Event(String type, String participant, Instant time) {}
}
