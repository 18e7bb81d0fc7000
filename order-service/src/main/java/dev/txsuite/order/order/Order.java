package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.order.OrderView;
import dev.txsuite.events.SuiteEvent;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * An order, written by the order participant: PENDING when its transaction prepares, then CONFIRMED or REJECTED
 * by the global decision. Nothing else changes an order.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @Column(name = "order_id")
    private UUID id;

    @Column(name = "tx_id", nullable = false, unique = true)
    private String txId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    private String reason;

    @Column(nullable = false)
    private String protocol;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(nullable = false)
    private String currency;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 100) // a page of orders loads its lines in one query, not one per order
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Order() {}

    static Order pending(String txId, OrderPayload payload, Instant now) {
        var order = new Order();
        order.id = UUID.fromString(payload.orderId());
        order.txId = txId;
        order.customerId = payload.customerId();
        order.status = OrderStatus.PENDING;
        order.protocol = payload.protocol();
        order.totalCents = payload.totalCents();
        order.currency = payload.currency();
        payload.items()
                .forEach(item -> order.lines.add(
                        new OrderLine(item.sku(), item.name(), item.quantity(), item.unitPriceCents())));
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /** A PENDING order rejected before any participant prepared it (see UnpreparedOrders). */
    void reject(String why, Instant now) {
        if (status != OrderStatus.PENDING) {
            throw new IllegalStateException("order " + id + " is " + status + ", cannot become REJECTED");
        }
        status = OrderStatus.REJECTED;
        reason = why;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String txId() {
        return txId;
    }

    public OrderStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public long totalCents() {
        return totalCents;
    }

    public String currency() {
        return currency;
    }

    /** Why the order was rejected; null unless it was. */
    public String reason() {
        return reason;
    }

    OrderView toView() {
        return new OrderView(
                id.toString(),
                status,
                txId,
                protocol,
                customerId,
                totalCents,
                currency,
                lines.stream().map(OrderLine::toItem).toList(),
                reason,
                createdAt);
    }

    /** The order as it stands now, as an event of {@code type}, one of {@link OrderEvent}'s. */
    OrderEvent toEvent(String type, Instant now) {
        return new OrderEvent(
                SuiteEvent.newEventId(),
                type,
                id.toString(),
                txId,
                customerId,
                status,
                totalCents,
                currency,
                reason,
                now);
    }
}
