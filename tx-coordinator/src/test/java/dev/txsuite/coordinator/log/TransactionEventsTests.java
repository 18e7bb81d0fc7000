package dev.txsuite.coordinator.log;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.TxEventsRecordingTest;
import dev.txsuite.testing.RecordedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransactionEventsTests extends TxEventsRecordingTest {

    @Test
    void shouldPublishTheTransactionLevelFactsOnceEachAndKeepVotesAndAcknowledgementsInTheLog() {
        var transaction = aTransaction().over("order", "inventory", "payment");

        begin(transaction);

        var events = settledEventsOf(transaction.txId());
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactly(
                        TransactionEvent.Begun.TYPE, TransactionEvent.Decided.TYPE, TransactionEvent.Completed.TYPE);
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.header("ce_specversion")).isEqualTo("1.0");
            assertThat(event.header("ce_source")).isEqualTo("tx-coordinator");
            assertThat(event.header("ce_subject")).isEqualTo(transaction.txId());
            assertThat(event.header("ce_time")).isNotBlank();
            assertThat(event.header("content-type")).isEqualTo("application/json");
            assertThat(body(event).get("txId").asString()).isEqualTo(transaction.txId());
        });

        var begun = body(only(events, TransactionEvent.Begun.TYPE));
        assertThat(begun.get("protocol").asString()).isEqualTo("2PC");
        assertThat(begun.get("owner").asString()).isNotBlank();
        assertThat(begun.get("participants").values())
                .extracting(JsonNode::asString)
                .containsExactly("order", "inventory", "payment");
        var decided = body(only(events, TransactionEvent.Decided.TYPE));
        assertThat(decided.get("decision").asString()).isEqualTo("COMMIT");
        assertThat(decided.get("reason").isNull()).isTrue();
        assertThat(body(only(events, TransactionEvent.Completed.TYPE))
                        .get("outcome")
                        .asString())
                .isEqualTo("COMMITTED");
        // written with the decision and the end, each with its time
        assertThat(branchesOf(transaction.txId()))
                .containsExactlyInAnyOrder(
                        "order YES acknowledged", "inventory YES acknowledged", "payment YES acknowledged");
        assertThat(outboxRows()).isZero();
    }

    @Test
    void shouldPublishAnAbortAndLogOnlyTheVotesAndAcknowledgementsTheCoordinatorReceived() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory", "payment");

        begin(transaction);

        var events = settledEventsOf(transaction.txId());
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactly(
                        TransactionEvent.Begun.TYPE, TransactionEvent.Decided.TYPE, TransactionEvent.Completed.TYPE);
        var decided = body(only(events, TransactionEvent.Decided.TYPE));
        assertThat(decided.get("decision").asString()).isEqualTo("ABORT");
        assertThat(decided.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(body(only(events, TransactionEvent.Completed.TYPE))
                        .get("outcome")
                        .asString())
                .isEqualTo("ABORTED");
        // inventory aborted on its own when it voted NO: it is owed no ABORT, so it never acknowledges one
        assertThat(branchesOf(transaction.txId())).contains("inventory NO");
        assertThat(branchesOf(transaction.txId()))
                .filteredOn(branch -> branch.startsWith("order") || branch.startsWith("payment"))
                .allSatisfy(branch -> assertThat(branch).endsWith("acknowledged"));
    }

    /** "inventory YES acknowledged": each branch's vote as the log holds it, and whether it acknowledged. */
    private List<String> branchesOf(String txId) {
        return jdbc.sql("""
                        SELECT participant, vote, acknowledged, voted_at IS NOT NULL AS vote_timed,
                               acknowledged_at IS NOT NULL AS ack_timed
                        FROM branches WHERE tx_id = :txId""")
                .param("txId", txId)
                .query((row, number) -> {
                    assertThat(row.getBoolean("vote_timed")).isEqualTo(row.getString("vote") != null);
                    assertThat(row.getBoolean("ack_timed")).isEqualTo(row.getBoolean("acknowledged"));
                    return (row.getString("participant") + " " + row.getString("vote")
                                    + (row.getBoolean("acknowledged") ? " acknowledged" : ""))
                            .replace(" null", "");
                })
                .list();
    }

    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();
    }

    /**
     * The transaction's events once it completed and no further one came for a while: a duplicate the outbox
     * sent late would show.
     */
    private List<RecordedEvent> settledEventsOf(String txId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> txEvents.recordsWithKey(txId).stream()
                        .anyMatch(event -> TransactionEvent.Completed.TYPE.equals(event.type())));
        var count = txEvents.recordsWithKey(txId).size();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> txEvents.recordsWithKey(txId).size() == count);
        return txEvents.recordsWithKey(txId);
    }

    private static RecordedEvent only(List<RecordedEvent> events, String type) {
        var ofType = events.stream().filter(event -> type.equals(event.type())).toList();
        assertThat(ofType).as(type).hasSize(1);
        return ofType.getFirst();
    }
}
