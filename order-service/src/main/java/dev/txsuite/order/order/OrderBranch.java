package dev.txsuite.order.order;

import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The order participant: PREPARE records the order PENDING, COMMIT confirms it, ABORT rejects it. */
@Component
class OrderBranch implements BranchWork<OrderPayload> {

    static final String DUPLICATE_ORDER = "DUPLICATE_ORDER";
    static final String INVALID_ORDER = "INVALID_ORDER";

    private final OrderRepository orders;
    private final Clock clock;

    OrderBranch(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
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
            return existing.get().txId().equals(txId) ? Vote.yes() : Vote.no(DUPLICATE_ORDER);
        }
        orders.save(Order.pending(txId, payload, clock.instant()));
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        orderOf(txId).confirm(clock.instant());
    }

    @Override
    public void abort(String txId, String reason) {
        orderOf(txId).reject(reason, clock.instant());
    }

    private Order orderOf(String txId) {
        return orders.findByTxId(txId)
                .orElseThrow(() -> new IllegalStateException("no order prepared in transaction " + txId));
    }
}
