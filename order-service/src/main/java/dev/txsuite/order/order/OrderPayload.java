package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderItem;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the coordinator carries to the order participant in PREPARE (docs/architecture.md): the order exactly as
 * it was priced when it was placed.
 */
public record OrderPayload(
        String orderId, String customerId, String protocol, String currency, long totalCents, List<OrderItem> items) {

    static OrderPayload of(String orderId, PricedOrder order) {
        return new OrderPayload(
                orderId,
                order.customerId(),
                order.protocol().label(),
                order.currency(),
                order.totalCents(),
                order.items());
    }

    /** Whether the payload describes an order that can be recorded; the coordinator never sends another. */
    boolean isComplete() {
        return isUuid(orderId)
                && customerId != null
                && protocol != null
                && currency != null
                && items != null
                && !items.isEmpty()
                && items.stream().allMatch(item -> item.sku() != null && item.name() != null);
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
