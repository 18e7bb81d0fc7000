package dev.txsuite.baseline.order;

import static dev.txsuite.baseline.OrderClient.json;
import static dev.txsuite.baseline.OrderClient.line;
import static dev.txsuite.baseline.OrderClient.order;
import static dev.txsuite.baseline.TestShop.PRICE_CENTS;
import static dev.txsuite.testing.RecordedEvent.firstOfType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.baseline.OrderClient;
import dev.txsuite.baseline.TestShop;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The events of an order, relayed from the one transaction's outbox to the topics the services publish to. */
@BaselineServiceTest
class OrderEventsTests {

    static final TopicRecorder ORDER_EVENTS = TopicRecorder.recording("order.events");
    static final TopicRecorder INVENTORY_EVENTS = TopicRecorder.recording("inventory.events");
    static final TopicRecorder PAYMENT_EVENTS = TopicRecorder.recording("payment.events");

    @Autowired
    OrderClient orders;

    @Autowired
    TestShop shop;

    @AfterAll
    static void stopRecording() {
        ORDER_EVENTS.close();
        INVENTORY_EVENTS.close();
        PAYMENT_EVENTS.close();
    }

    @Test
    void shouldPublishTheOrderTheStockAndThePaymentEventsOfAConfirmedOrder() {
        var mugs = shop.productWithStock(10);
        var beans = shop.productWithStock(5);
        var customer = shop.customerWithBalance(100_000);

        var placed = json(orders.place(order(customer, line(mugs, 2), line(beans, 1), line(mugs, 1)))
                .expectStatus()
                .isCreated());
        var orderId = placed.get("orderId").asString();
        var txId = placed.get("transactionId").asString();

        var orderEvents = awaitEvents(ORDER_EVENTS, orderId, 2);
        assertThat(orderEvents)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.order.placed.v1", "dev.txsuite.order.confirmed.v1");
        var confirmed = firstOfType(orderEvents, "dev.txsuite.order.confirmed.v1");
        assertThat(confirmed.headers())
                .containsOnlyKeys(
                        "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type")
                .containsEntry("ce_source", "baseline-service")
                .containsEntry("ce_subject", orderId);
        var confirmedBody = body(confirmed);
        assertThat(confirmedBody.get("eventId").asString()).isEqualTo(confirmed.id());
        assertThat(confirmedBody.get("txId").asString()).isEqualTo(txId);
        assertThat(confirmedBody.get("customerId").asString()).isEqualTo(customer);
        assertThat(confirmedBody.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmedBody.get("totalCents").asLong()).isEqualTo(4 * PRICE_CENTS);

        var mugEvents = awaitEvents(INVENTORY_EVENTS, mugs, 2);
        assertThat(mugEvents)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.stock.taken.v1", "dev.txsuite.stock.changed.v1");
        var mugsChanged = body(firstOfType(mugEvents, "dev.txsuite.stock.changed.v1"));
        assertThat(mugsChanged.get("orderId").asString()).isEqualTo(orderId);
        assertThat(mugsChanged.get("txId").asString()).isEqualTo(txId);
        assertThat(mugsChanged.get("quantity").asInt()).isEqualTo(3);
        assertThat(mugsChanged.get("onHand").asInt()).isEqualTo(7);
        assertThat(mugsChanged.get("reserved").asInt()).isZero();
        assertThat(awaitEvents(INVENTORY_EVENTS, beans, 2))
                .extracting(event -> body(event).get("onHand").asInt())
                .containsOnly(4);

        var captured = awaitEvents(PAYMENT_EVENTS, customer, 1).getFirst();
        assertThat(captured.type()).isEqualTo("dev.txsuite.payment.captured.v1");
        var capturedBody = body(captured);
        assertThat(capturedBody.get("orderId").asString()).isEqualTo(orderId);
        assertThat(capturedBody.get("txId").asString()).isEqualTo(txId);
        assertThat(capturedBody.get("amountCents").asLong()).isEqualTo(4 * PRICE_CENTS);
        assertThat(capturedBody.get("balanceCents").asLong()).isEqualTo(100_000 - 4 * PRICE_CENTS);
        assertThat(capturedBody.get("heldCents").asLong()).isZero();
    }

    @Test
    void shouldPublishOnlyTheRejectionOfARejectedOrder() {
        var sku = shop.productWithStock(1);
        var customer = shop.customerWithBalance(100_000);

        var rejected =
                json(orders.place(order(customer, line(sku, 2))).expectStatus().isEqualTo(409));
        var orderId = rejected.get("orderId").asString();
        // a later order of the same sku and customer is relayed after anything the rejected one could have published
        orders.place(order(customer, line(sku, 1))).expectStatus().isCreated();

        var rejection = awaitEvents(ORDER_EVENTS, orderId, 1).getFirst();
        assertThat(rejection.type()).isEqualTo("dev.txsuite.order.rejected.v1");
        assertThat(body(rejection).get("status").asString()).isEqualTo("REJECTED");
        assertThat(body(rejection).get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(awaitEvents(INVENTORY_EVENTS, sku, 2))
                .extracting(event -> body(event).get("orderId").asString())
                .doesNotContain(orderId);
        assertThat(awaitEvents(PAYMENT_EVENTS, customer, 1))
                .extracting(event -> body(event).get("orderId").asString())
                .doesNotContain(orderId);
    }

    /** Waits for {@code count} events with this key, then makes sure no more arrive. */
    private static List<RecordedEvent> awaitEvents(TopicRecorder topic, String key, int count) {
        return topic.awaitExactly(key, count, Duration.ofMillis(500));
    }

    private static JsonNode body(RecordedEvent event) {
        return OrderClient.json(event.value());
    }
}
