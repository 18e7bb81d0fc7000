package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.participant.ApplyBranchMessage;
import dev.txsuite.participant.ParticipantLog;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.Reply;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a known decision to this service's own branch at once, so that the answer to the client and the order
 * row agree even before the coordinator's phase two reaches the order participant. Safe because the decision is
 * final, and harmless when phase two arrives too: applying a decision twice is acknowledged, not repeated.
 */
@Component
class SettleOwnBranch {

    private static final Logger log = LoggerFactory.getLogger(SettleOwnBranch.class);

    private final OrderRepository orders;
    private final ParticipantLog participantLog;
    private final ApplyBranchMessage applyBranchMessage;
    private final UnpreparedOrders unpreparedOrders;

    SettleOwnBranch(
            OrderRepository orders,
            ParticipantLog participantLog,
            ApplyBranchMessage applyBranchMessage,
            UnpreparedOrders unpreparedOrders) {
        this.orders = orders;
        this.participantLog = participantLog;
        this.applyBranchMessage = applyBranchMessage;
        this.unpreparedOrders = unpreparedOrders;
    }

    void settle(OrderPayload payload, String txId, Decision decision, String reason) {
        var orderId = UUID.fromString(payload.orderId());
        try {
            applyToPendingOrder(orderId, txId, decision, reason);
            if (decision == Decision.ABORT) {
                abortIfNeverPrepared(payload, txId, reason);
            }
        } catch (RuntimeException e) {
            // the decision stands whatever happens here: the coordinator's phase two settles the branch later
            log.warn(
                    "order {} of transaction {}: {} not applied locally, left to phase two",
                    orderId,
                    txId,
                    decision,
                    e);
        }
    }

    /** The outcome of a transaction the coordinator could not give in time: the client polls the order. */
    void awaitOutcome(OrderPayload payload, String txId) {
        try {
            unpreparedOrders.holdPlace(txId, payload);
        } catch (RuntimeException e) {
            // the PREPARE wrote the row meanwhile, or the database is failing: either way the branch settles it
            log.warn("order {} of transaction {}: not held as PENDING", payload.orderId(), txId, e);
        }
    }

    /**
     * An ABORT that overtook this participant's PREPARE: the tombstone makes a late PREPARE vote NO, and the
     * order the client is told was rejected is written as REJECTED.
     */
    private void abortIfNeverPrepared(OrderPayload payload, String txId, String reason) {
        if (participantLog.find(txId).isEmpty()) {
            applyBranchMessage.apply(new BranchMessage.Abort(txId, 0, reason), null);
        }
        unpreparedOrders.rejectIfAbsent(txId, payload, reason);
    }

    private void applyToPendingOrder(UUID orderId, String txId, Decision decision, String reason) {
        var stillPending = orders.findById(orderId)
                .filter(order -> order.txId().equals(txId) && order.status() == OrderStatus.PENDING)
                .isPresent();
        if (!stillPending) {
            return;
        }
        participantLog.find(txId).ifPresent(branch -> {
            // the epoch this branch last saw: the message must not look newer or older than the coordinator's
            BranchMessage message = decision == Decision.COMMIT
                    ? new BranchMessage.Commit(txId, branch.epoch())
                    : new BranchMessage.Abort(txId, branch.epoch(), reason);
            if (applyBranchMessage.apply(message, null) instanceof Reply.Refusal refusal) {
                log.error("order {} of transaction {}: {} refused: {}", orderId, txId, decision, refusal);
            }
        });
    }
}
