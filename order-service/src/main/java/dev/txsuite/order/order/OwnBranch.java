package dev.txsuite.order.order;

import dev.txsuite.participant.ApplyBranchMessage;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own branch of the transactions it begins, applied in-process. Under 2PC it is prepared here, in one
 * local transaction with the order row, before the coordinator hears of the transaction: the begin carries its YES
 * vote (order-service is the initiator), so the coordinator never sends it PREPARE, and the answer to the begin
 * carries the decision. A known decision is applied here at once, so that the answer to the client and the order row
 * agree before any phase two; safe because the decision is final, and harmless when the coordinator sends it too:
 * applying a decision twice is acknowledged, not repeated.
 */
@Component
class OwnBranch {

    private static final Logger log = LoggerFactory.getLogger(OwnBranch.class);

    /** The epoch a coordinator starts every transaction at. */
    private static final long FIRST_EPOCH = 1;

    private final ApplyBranchMessage applyBranchMessage;
    private final UnpreparedOrders unpreparedOrders;
    private final JsonMapper json;

    OwnBranch(ApplyBranchMessage applyBranchMessage, UnpreparedOrders unpreparedOrders, JsonMapper json) {
        this.applyBranchMessage = applyBranchMessage;
        this.unpreparedOrders = unpreparedOrders;
        this.json = json;
    }

    /**
     * Prepares the branch before the transaction begins: the order PENDING and the branch PREPARED in one local
     * transaction, durable before the begin goes out with its YES vote, at the coordinator's first epoch.
     */
    void prepare(OrderPayload payload, String txId) {
        var reply = applyBranchMessage.apply(new BranchMessage.Prepare(txId, FIRST_EPOCH), json.valueToTree(payload));
        if (!(reply instanceof Reply.VoteReply(var vote)) || !vote.isYes()) {
            // a fresh order id and a fresh transaction id: nothing can refuse it but a bug
            throw new IllegalStateException("order " + payload.orderId() + " could not be prepared: " + reply);
        }
    }

    /** The coordinator never got the begin (no connection was made): nothing began, so the branch aborts here. */
    void abandon(OrderPayload payload, String txId) {
        applyBranchMessage.apply(new BranchMessage.Abort(txId, FIRST_EPOCH, Reasons.COORDINATOR_UNAVAILABLE), null);
        log.info("order {}: the coordinator could not be reached, transaction {} never began", payload.orderId(), txId);
    }

    void settle(OrderPayload payload, String txId, Decision decision, String reason) {
        try {
            if (applyBranchMessage.applyDecision(txId, decision, reason) instanceof Reply.Refusal refusal) {
                log.error("order {} of transaction {}: {} refused: {}", payload.orderId(), txId, decision, refusal);
            }
            if (decision == Decision.ABORT) {
                // an ABORT that overtook a 3PC PREPARE left a tombstone above; the client is told REJECTED
                unpreparedOrders.rejectIfAbsent(txId, payload, reason);
            }
        } catch (RuntimeException e) {
            // the decision stands whatever happens here: the coordinator's phase two settles the branch later
            log.warn(
                    "order {} of transaction {}: {} not applied locally, left to phase two",
                    payload.orderId(),
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
}
