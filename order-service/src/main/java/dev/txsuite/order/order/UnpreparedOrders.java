package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderStatus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders a client was told about although this service's own branch never prepared them: the coordinator's
 * ABORT (after another participant's NO, or its own crash) can overtake its PREPARE to the order participant,
 * which then leaves a tombstone and no order row. A 409 promises a REJECTED order and a 202 a Location to
 * poll, so the row is written here: REJECTED at once for a decided abort, PENDING for an unknown outcome (then
 * settled by {@link SettleUnpreparedOrders}, or adopted by the PREPARE when it does arrive).
 */
@Component
class UnpreparedOrders {

    private final OrderRepository orders;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UnpreparedOrders(OrderRepository orders, Clock clock, ApplicationEventPublisher events) {
        this.orders = orders;
        this.clock = clock;
        this.events = events;
    }

    /** Records the order as PENDING unless its PREPARE already did. */
    @Transactional
    public void holdPlace(String txId, OrderPayload payload) {
        if (orders.existsById(UUID.fromString(payload.orderId()))) {
            return;
        }
        var order = orders.save(Order.pending(txId, payload, clock.instant()));
        events.publishEvent(order.toEvent(OrderEvent.PLACED, clock.instant()));
    }

    /** Records the order as REJECTED unless its branch wrote it (and then settled it itself). */
    @Transactional
    public void rejectIfAbsent(String txId, OrderPayload payload, String reason) {
        if (orders.existsById(UUID.fromString(payload.orderId()))) {
            return;
        }
        var order = Order.pending(txId, payload, clock.instant());
        order.reject(reason, clock.instant());
        orders.save(order);
        events.publishEvent(order.toEvent(OrderEvent.REJECTED, clock.instant()));
    }

    /** Rejects an order held PENDING for a transaction that aborted without preparing it here. */
    @Transactional
    public void reject(UUID orderId, String reason) {
        orders.findById(orderId)
                .filter(order -> order.status() == OrderStatus.PENDING)
                .ifPresent(order -> {
                    order.reject(reason, clock.instant());
                    events.publishEvent(order.toEvent(OrderEvent.REJECTED, clock.instant()));
                });
    }
}
