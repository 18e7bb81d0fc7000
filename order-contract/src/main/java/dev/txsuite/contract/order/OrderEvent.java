package dev.txsuite.contract.order;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Instant;

/**
 * What happened to an order, on {@code order.events} keyed by order id. order-service publishes it placed when
 * its transaction prepared, then confirmed or rejected (with the reason) by the global decision. The baseline
 * publishes a confirmed order's placed and confirmed events together, both with status CONFIRMED, and only
 * rejected for a rejected one.
 *
 * @param reason why the order was rejected; null unless it was
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

    @Override
    public String topic() {
        return Topics.ORDER_EVENTS;
    }

    @Override
    public String key() {
        return orderId;
    }
}
