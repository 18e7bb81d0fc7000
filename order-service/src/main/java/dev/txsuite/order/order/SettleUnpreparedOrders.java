package dev.txsuite.order.order;

import dev.txsuite.participant.ApplyBranchMessage;
import dev.txsuite.participant.AskCoordinator;
import dev.txsuite.participant.AskCoordinator.Outcome;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
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
    private final AskCoordinator coordinator;
    private final ApplyBranchMessage applyBranchMessage;
    private final UnpreparedOrders unpreparedOrders;

    SettleUnpreparedOrders(
            JdbcClient jdbc,
            AskCoordinator coordinator,
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
        switch (coordinator.outcomeOf(order.txId())) {
            case Outcome.Decided(var decision, var reason, var epoch)
            when decision == Decision.ABORT -> reject(order, reason, epoch);
            // presumed abort: the coordinator never began it
            case Outcome.NoRecord noRecord -> reject(order, Reasons.COORDINATOR_RECOVERY, 0);
            // undecided, or not asked now: the next pass asks again
            default -> {}
        }
    }

    /** With the coordinator's epoch: a tombstone, or, if the PREPARE has just come, the branch's own abort. */
    private void reject(Unprepared order, String reason, long epoch) {
        log.info(
                "order {}: transaction {} aborted ({}) before its PREPARE reached this service",
                order.orderId(),
                order.txId(),
                reason);
        applyBranchMessage.apply(new BranchMessage.Abort(order.txId(), epoch, reason), null);
        unpreparedOrders.reject(order.orderId(), reason);
    }
}
