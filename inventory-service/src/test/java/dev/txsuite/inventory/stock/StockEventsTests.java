package dev.txsuite.inventory.stock;

import static dev.txsuite.inventory.stock.StockPayloads.line;
import static dev.txsuite.inventory.stock.StockPayloads.reserve;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantEndpoints.VoteAnswer;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

@InventoryServiceTest
class StockEventsTests {

    static final TopicRecorder INVENTORY_EVENTS = TopicRecorder.recording("inventory.events");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestProducts products;

    @AfterAll
    static void stopRecording() {
        INVENTORY_EVENTS.close();
    }

    @Test
    void shouldPublishStockReservedKeyedBySkuWithCloudEventsHeadersOnPrepare() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();

        var reserved = awaitEvents(sku, 1).getFirst();
        assertThat(reserved.type()).isEqualTo("dev.txsuite.stock.reserved.v1");
        assertThat(reserved.headers())
                .containsOnlyKeys(
                        "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "inventory-service")
                .containsEntry("ce_subject", sku)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        var body = JSON.readTree(reserved.value());
        assertThat(body.get("eventId").asString()).isEqualTo(reserved.id());
        assertThat(body.get("txId").asString()).isEqualTo(txId);
        assertThat(body.get("orderId").asString()).isEqualTo(orderIdOf(txId));
        assertThat(body.get("quantity").asInt()).isEqualTo(3);
        assertThat(body.get("onHand").asInt()).isEqualTo(10);
        assertThat(body.get("reserved").asInt()).isEqualTo(3);
    }

    @Test
    void shouldPublishStockTakenAndStockChangedOnCommit() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 4))).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk();

        var events = awaitEvents(sku, 3);
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder(
                        "dev.txsuite.stock.reserved.v1", "dev.txsuite.stock.taken.v1", "dev.txsuite.stock.changed.v1");
        var changed = events.stream()
                .filter(event -> event.type().equals("dev.txsuite.stock.changed.v1"))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(changed.value()).get("onHand").asInt()).isEqualTo(6);
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldPublishStockReleasedOnAbort() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 2))).expectStatus().isOk();

        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        assertThat(awaitEvents(sku, 2))
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.stock.reserved.v1", "dev.txsuite.stock.released.v1");
    }

    @Test
    void shouldPublishNothingForANoVote() {
        var sku = products.withStock(1);
        var refused = newTxId();
        assertThat(branches.answerTo(refused, reserve(refused, line(sku, 5))))
                .isEqualTo(new VoteAnswer(refused, "inventory", "NO", "OUT_OF_STOCK"));

        // a later change of the same sku is relayed after anything the NO vote could have published
        var later = newTxId();
        branches.prepare(later, reserve(later, line(sku, 1))).expectStatus().isOk();

        assertThat(awaitEvents(sku, 1))
                .extracting(event -> JSON.readTree(event.value()).get("txId").asString())
                .doesNotContain(refused);
    }

    /** Waits for {@code count} events of the sku, then makes sure no more arrive. */
    private static List<RecordedEvent> awaitEvents(String sku, int count) {
        return INVENTORY_EVENTS.awaitExactly(sku, count, Duration.ofMillis(500));
    }
}
