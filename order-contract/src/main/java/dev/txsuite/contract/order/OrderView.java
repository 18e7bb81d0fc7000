package dev.txsuite.contract.order;

import java.time.Instant;
import java.util.List;

/** An order as {@code GET /api/orders/{orderId}} shows it; {@code reason} is set for a REJECTED order. */
public record OrderView(
        String orderId,
        OrderStatus status,
        String transactionId,
        String protocol,
        String customerId,
        long totalCents,
        String currency,
        List<OrderItem> items,
        String reason,
        Instant createdAt) {}
