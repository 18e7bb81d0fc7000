package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.order.PlacedOrder;
import dev.txsuite.protocol.Reasons;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the answers to {@code POST /api/orders}, as docs/architecture.md lists them. */
@Component
class OrderAnswers {

    private final JsonMapper json;

    OrderAnswers(JsonMapper json) {
        this.json = json;
    }

    OrderAnswer confirmed(UUID orderId, String txId, PricedOrder order) {
        return placed(orderId, OrderStatus.CONFIRMED, txId, order, 201);
    }

    /** The outcome is not known yet: the client polls the Location. */
    OrderAnswer pending(UUID orderId, String txId, PricedOrder order) {
        return placed(orderId, OrderStatus.PENDING, txId, order, 202);
    }

    /** The same order is being placed by an earlier request with the same Idempotency-Key. */
    OrderAnswer stillPending(UUID orderId, String txId) {
        return new OrderAnswer(
                202,
                locationOf(orderId),
                json.writeValueAsString(
                        new PlacedOrder(orderId.toString(), OrderStatus.PENDING, txId, null, null, null, null)));
    }

    /** A participant refused (OUT_OF_STOCK, INSUFFICIENT_FUNDS, ...): the order is kept as REJECTED. */
    OrderAnswer rejected(UUID orderId, String txId, String reason) {
        return problem(OrderProblem.orderRejected(orderId.toString(), txId, reason));
    }

    /** A participant or the coordinator failed: nothing was taken or charged. */
    OrderAnswer failed(UUID orderId, String txId, String reason) {
        return problem(OrderProblem.orderFailed(orderId.toString(), txId, reason));
    }

    /** Too many orders in flight: refused at the door, nothing read or written. */
    OrderAnswer overloaded(int limit) {
        return problem(OrderProblem.overloaded("order-service", limit));
    }

    /** The coordinator could not be reached: no transaction began and no order exists. */
    OrderAnswer notStarted() {
        return problem(OrderProblem.serviceUnavailable("tx-coordinator", Reasons.COORDINATOR_UNAVAILABLE));
    }

    private OrderAnswer placed(UUID orderId, OrderStatus status, String txId, PricedOrder order, int httpStatus) {
        var body = new PlacedOrder(
                orderId.toString(),
                status,
                txId,
                order.protocol().label(),
                order.totalCents(),
                order.currency(),
                order.items());
        return new OrderAnswer(httpStatus, locationOf(orderId), json.writeValueAsString(body));
    }

    private OrderAnswer problem(OrderProblem problem) {
        return new OrderAnswer(problem.status().value(), null, json.writeValueAsString(problem.toProblemDetail()));
    }

    private static String locationOf(UUID orderId) {
        return "/api/orders/" + orderId;
    }
}
