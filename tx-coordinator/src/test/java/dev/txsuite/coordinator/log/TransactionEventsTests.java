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
    void shouldPublishEveryChangeOfACommittedTransactionExactlyOnceAsACloudEvent() {
        var transaction = aTransaction().over("order", "inventory", "payment");

        begin(transaction);

        var events = settledEventsOf(transaction.txId());
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder(
                        TransactionEvent.Begun.TYPE,
                        TransactionEvent.VoteReceived.TYPE,
                        TransactionEvent.VoteReceived.TYPE,
                        TransactionEvent.VoteReceived.TYPE,
                        TransactionEvent.Decided.TYPE,
                        TransactionEvent.BranchAcknowledged.TYPE,
                        TransactionEvent.BranchAcknowledged.TYPE,
                        TransactionEvent.BranchAcknowledged.TYPE,
                        TransactionEvent.Completed.TYPE);
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
        assertThat(bodies(events, TransactionEvent.VoteReceived.TYPE))
                .extracting(vote -> vote.get("participant").asString() + " "
                        + vote.get("vote").asString())
                .containsExactlyInAnyOrder("order YES", "inventory YES", "payment YES");
        var decided = body(only(events, TransactionEvent.Decided.TYPE));
        assertThat(decided.get("decision").asString()).isEqualTo("COMMIT");
        assertThat(decided.get("reason").isNull()).isTrue();
        assertThat(participants(events, TransactionEvent.BranchAcknowledged.TYPE))
                .containsExactlyInAnyOrder("order", "inventory", "payment");
        assertThat(body(only(events, TransactionEvent.Completed.TYPE))
                        .get("outcome")
                        .asString())
                .isEqualTo("COMMITTED");
    }

    @Test
    void shouldPublishAnAbortWithNoVoteOrAckTheCoordinatorDidNotReceive() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory", "payment");

        begin(transaction);

        var events = settledEventsOf(transaction.txId());
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
        var decided = body(only(events, TransactionEvent.Decided.TYPE));
        assertThat(decided.get("decision").asString()).isEqualTo("ABORT");
        assertThat(decided.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        // votes that arrive after the NO decided the abort are not counted, so they have no event either
        assertThat(participants(events, TransactionEvent.VoteReceived.TYPE))
                .contains("inventory")
                .containsExactlyInAnyOrderElementsOf(votedInTheLog(transaction.txId()));
        assertThat(participants(events, TransactionEvent.BranchAcknowledged.TYPE))
                .containsExactlyInAnyOrder("order", "payment");
        assertThat(body(only(events, TransactionEvent.Completed.TYPE))
                        .get("outcome")
                        .asString())
                .isEqualTo("ABORTED");
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsOnlyOnce(TransactionEvent.Begun.TYPE, TransactionEvent.Completed.TYPE);
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

    private List<String> votedInTheLog(String txId) {
        return jdbc.sql("SELECT participant FROM branches WHERE tx_id = :txId AND vote IS NOT NULL")
                .param("txId", txId)
                .query(String.class)
                .list();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String type) {
        var ofType = events.stream().filter(event -> type.equals(event.type())).toList();
        assertThat(ofType).as(type).hasSize(1);
        return ofType.getFirst();
    }

    private static List<JsonNode> bodies(List<RecordedEvent> events, String type) {
        return events.stream()
                .filter(event -> type.equals(event.type()))
                .map(TransactionEventsTests::body)
                .toList();
    }

    private static List<String> participants(List<RecordedEvent> events, String type) {
        return bodies(events, type).stream()
                .map(body -> body.get("participant").asString())
                .toList();
    }
}
