package dev.txsuite.contract.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code 201 Created} and {@code 202 Accepted} to {@code POST /api/orders}. A request that waits for an
 * earlier one with the same Idempotency-Key knows only the ids: the other fields are left out then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacedOrder(
        String orderId,
        OrderStatus status,
        String transactionId,
        String protocol,
        Long totalCents,
        String currency,
        List<OrderItem> items) {}
