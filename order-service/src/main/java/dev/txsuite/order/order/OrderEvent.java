package dev.txsuite.order.order;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Instant;

/**
 * What happened to an order, on {@code order.events} keyed by order id: placed when its transaction prepared,
 * then confirmed or rejected (with the reason) by the global decision.
 */
public record OrderEvent(
        String eventId,
        String type,
        String orderId,
        String txId,
        String customerId,
        OrderStatus status,
        long totalCents,
        String currency,
        String reason,
        Instant time)
        implements SuiteEvent {

    public static final String PLACED = "dev.txsuite.order.placed.v1";
    public static final String CONFIRMED = "dev.txsuite.order.confirmed.v1";
    public static final String REJECTED = "dev.txsuite.order.rejected.v1";

    static OrderEvent of(String type, Order order, Instant now) {
        return new OrderEvent(
                SuiteEvent.newEventId(),
                type,
                order.id().toString(),
                order.txId(),
                order.customerId(),
                order.status(),
                order.totalCents(),
                order.currency(),
                order.reason(),
                now);
    }

    @Override
    public String topic() {
        return Topics.ORDER_EVENTS;
    }

    @Override
    public String key() {
        return orderId;
    }
}
