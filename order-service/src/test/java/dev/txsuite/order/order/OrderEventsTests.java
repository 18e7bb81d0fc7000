package dev.txsuite.order.order;

import static dev.txsuite.testing.RecordedEvent.firstOfType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The order events, relayed from the outbox to order.events after the local transaction committed. */
class OrderEventsTests extends RunningOrderService {

    static final TopicRecorder ORDER_EVENTS = TopicRecorder.recording("order.events");

    @AfterAll
    static void stopRecording() {
        ORDER_EVENTS.close();
    }

    @Test
    void shouldPublishExactlyOneConfirmedEventWithCloudEventsHeadersForACommittedOrder() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        prepareAtOrderParticipant(txId, payload(orderId));

        sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");
        // phase two again (a retry, or the coordinator after the service settled its own branch): acknowledged,
        // not applied again
        sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");

        var events = awaitEvents(orderId, 2);
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.order.placed.v1", "dev.txsuite.order.confirmed.v1");
        var confirmed = firstOfType(events, "dev.txsuite.order.confirmed.v1");
        assertThat(confirmed.headers())
                .containsOnlyKeys(
                        "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "order-service")
                .containsEntry("ce_type", "dev.txsuite.order.confirmed.v1")
                .containsEntry("ce_subject", orderId)
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        var body = JSON.readTree(confirmed.value());
        assertThat(body.get("eventId").asString()).isEqualTo(confirmed.id());
        assertThat(body.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(body.get("txId").asString()).isEqualTo(txId);
        assertThat(body.get("totalCents").asLong()).isEqualTo(1200);
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void shouldPublishNoConfirmedEventButARejectedOneWithTheReasonForARejectedOrder() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        prepareAtOrderParticipant(txId, payload(orderId));

        sendToOrderParticipant(txId, "abort", "{\"epoch\":1,\"reason\":\"OUT_OF_STOCK\"}");

        var events = awaitEvents(orderId, 2);
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.order.placed.v1", "dev.txsuite.order.rejected.v1");
        assertThat(JSON.readTree(firstOfType(events, "dev.txsuite.order.rejected.v1")
                                .value())
                        .get("reason")
                        .asString())
                .isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void shouldPublishNothingWhenTheOrderVotesNo() {
        var orderId = UUID.randomUUID().toString();
        var first = UUID.randomUUID().toString();
        prepareAtOrderParticipant(first, payload(orderId));

        var vote = prepareAtOrderParticipant(UUID.randomUUID().toString(), payload(orderId));

        assertThat(vote.get("reason").asString()).isEqualTo("DUPLICATE_ORDER");
        assertThat(awaitEvents(orderId, 1))
                .extracting(event -> JSON.readTree(event.value()).get("txId").asString())
                .containsExactly(first);
    }

    @Test
    void shouldPublishWhatTheRelayCouldNotSendAtCommitTimeExactlyOnceWhenItIsBack() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        relay.interrupt();

        prepareAtOrderParticipant(txId, payload(orderId));
        sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");

        // both events are committed in the outbox and their relay has failed
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.refusedSince() >= 2);
        assertThat(unrelayedEventsOf(orderId)).isEqualTo(2);
        assertThat(ORDER_EVENTS.recordsWithKey(orderId)).isEmpty();

        relay.resume();

        var events = awaitEvents(orderId, 2);
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.order.placed.v1", "dev.txsuite.order.confirmed.v1");
        assertThat(events).extracting(RecordedEvent::id).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).until(() -> unrelayedEventsOf(orderId) == 0);
    }

    /** Waits for {@code count} events of the order, then makes sure no more arrive. */
    private static List<RecordedEvent> awaitEvents(String orderId, int count) {
        return ORDER_EVENTS.awaitExactly(orderId, count, Duration.ofSeconds(1));
    }

    /** What the relay deletes once Kafka has it: what is left is still to be relayed. */
    private long unrelayedEventsOf(String orderId) {
        return jdbc.sql("select count(*) from outbox_event where key = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private static JsonNode payload(String orderId) {
        return JSON.readTree("""
                {"orderId":"%s","customerId":"carol","protocol":"2PC","currency":"USD","totalCents":1200,"items":[
                  {"sku":"MUG-CERAMIC","name":"Ceramic mug","quantity":1,"unitPriceCents":1200,"lineTotalCents":1200}]}""".formatted(orderId));
    }
}
