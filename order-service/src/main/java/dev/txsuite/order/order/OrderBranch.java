package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The order participant: PREPARE records the order PENDING, COMMIT confirms it, ABORT rejects it. Each step
 * publishes its order event in the participant's local transaction, so the event commits with the change; a NO
 * vote changes nothing and publishes nothing.
 */
@Component
class OrderBranch implements BranchWork<OrderPayload> {

    /** This participant's name, as the coordinator knows it ({@code txsuite.participant.name}). */
    static final String PARTICIPANT = "order";

    static final String DUPLICATE_ORDER = "DUPLICATE_ORDER";
    static final String INVALID_ORDER = "INVALID_ORDER";

    private final OrderRepository orders;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderBranch(OrderRepository orders, Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Class<OrderPayload> payloadType() {
        return OrderPayload.class;
    }

    @Override
    public Vote prepare(String txId, OrderPayload payload) {
        if (!payload.isComplete()) {
            return Vote.no(INVALID_ORDER);
        }
        var existing = orders.findById(UUID.fromString(payload.orderId()));
        if (existing.isPresent()) {
            // a row this service wrote for a client before the PREPARE came (see UnpreparedOrders) is adopted
            if (!existing.get().txId().equals(txId)) {
                return Vote.no(DUPLICATE_ORDER);
            }
            return existing.get().status() == OrderStatus.PENDING ? Vote.yes() : Vote.no(Reasons.ALREADY_ABORTED);
        }
        var order = orders.save(Order.pending(txId, payload, clock.instant()));
        events.publishEvent(order.toEvent(OrderEvent.PLACED, clock.instant()));
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var order = orderOf(txId);
        order.confirm(clock.instant());
        events.publishEvent(order.toEvent(OrderEvent.CONFIRMED, clock.instant()));
    }

    @Override
    public void abort(String txId, String reason) {
        var order = orderOf(txId);
        order.reject(reason, clock.instant());
        events.publishEvent(order.toEvent(OrderEvent.REJECTED, clock.instant()));
    }

    private Order orderOf(String txId) {
        return orders.findByTxId(txId)
                .orElseThrow(() -> new IllegalStateException("no order prepared in transaction " + txId));
    }
}
