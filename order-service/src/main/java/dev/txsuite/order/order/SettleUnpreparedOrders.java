package dev.txsuite.order.order;

import dev.txsuite.order.order.TransactionCoordinator.Outcome;
import dev.txsuite.participant.ApplyBranchMessage;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.participant.BranchMessage;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the orders {@link UnpreparedOrders} held PENDING for a client that got 202: once this participant's
 * branch shows a tombstone (an ABORT arrived before any PREPARE), or the coordinator says the transaction aborted
 * (or never began), the order is REJECTED. An order whose PREPARE arrived is the branch's to settle.
 */
@Component
class SettleUnpreparedOrders {

    private static final Logger log = LoggerFactory.getLogger(SettleUnpreparedOrders.class);

    private final JdbcClient jdbc;
    private final TransactionCoordinator coordinator;
    private final ApplyBranchMessage applyBranchMessage;
    private final UnpreparedOrders unpreparedOrders;

    SettleUnpreparedOrders(
            JdbcClient jdbc,
            TransactionCoordinator coordinator,
            ApplyBranchMessage applyBranchMessage,
            UnpreparedOrders unpreparedOrders) {
        this.jdbc = jdbc;
        this.coordinator = coordinator;
        this.applyBranchMessage = applyBranchMessage;
        this.unpreparedOrders = unpreparedOrders;
    }

    private record Unprepared(UUID orderId, String txId, String branchState, String branchReason) {}

    @Scheduled(
            fixedDelayString = "${txsuite.orders.settle-interval:2s}",
            initialDelayString = "${txsuite.orders.settle-interval:2s}")
    void settle() {
        jdbc.sql("""
                        SELECT o.order_id, o.tx_id, p.state, p.reason
                        FROM orders o LEFT JOIN participant_log p ON p.tx_id = o.tx_id
                        WHERE o.status = 'PENDING' AND (p.tx_id IS NULL OR p.state = 'ABORTED')
                          AND o.created_at < now() - interval '2 seconds'
                        ORDER BY o.created_at LIMIT 100""")
                .query((row, number) -> new Unprepared(
                        row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)))
                .list()
                .forEach(this::settle);
    }

    private void settle(Unprepared order) {
        if ("ABORTED".equals(order.branchState())) {
            unpreparedOrders.reject(order.orderId(), order.branchReason());
            return;
        }
        var status = coordinator.statusOf(order.txId());
        if (status.outcome() instanceof Outcome.Decided(var decision, var reason) && decision == Decision.ABORT) {
            log.info(
                    "order {}: transaction {} aborted ({}) before its PREPARE reached this service",
                    order.orderId(),
                    order.txId(),
                    reason);
            // with the coordinator's epoch: a tombstone, or, if the PREPARE has just come, the branch's own abort
            applyBranchMessage.apply(new BranchMessage.Abort(order.txId(), status.epoch(), reason), null);
            unpreparedOrders.reject(order.orderId(), reason);
        }
    }
}
