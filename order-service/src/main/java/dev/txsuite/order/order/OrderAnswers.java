package dev.txsuite.order.order;

import dev.txsuite.protocol.Reasons;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
        return new OrderAnswer(
                201,
                locationOf(orderId),
                json.writeValueAsString(PlacedOrder.of(orderId.toString(), OrderStatus.CONFIRMED, txId, order)));
    }

    /** The outcome is not known yet: the client polls the Location. */
    OrderAnswer pending(UUID orderId, String txId, PricedOrder order) {
        return new OrderAnswer(
                202,
                locationOf(orderId),
                json.writeValueAsString(PlacedOrder.of(orderId.toString(), OrderStatus.PENDING, txId, order)));
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
        var problem = OrderProblem.problem(
                HttpStatus.CONFLICT, "order-rejected", "Order rejected", "The order was rejected: " + reason);
        return problemAnswer(problem, orderId, txId, reason);
    }

    /** A participant or the coordinator failed: nothing was taken or charged. */
    OrderAnswer failed(UUID orderId, String txId, String reason) {
        var problem = OrderProblem.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                "The order could not be completed (" + reason + "); nothing was taken or charged, try again later");
        return problemAnswer(problem, orderId, txId, reason);
    }

    /** The coordinator could not be reached: no transaction began and no order exists. */
    OrderAnswer notStarted() {
        var problem = OrderProblem.serviceUnavailable("tx-coordinator", Reasons.COORDINATOR_UNAVAILABLE)
                .toProblemDetail();
        return new OrderAnswer(problem.getStatus(), null, json.writeValueAsString(problem));
    }

    private OrderAnswer problemAnswer(ProblemDetail problem, UUID orderId, String txId, String reason) {
        problem.setProperty("orderId", orderId.toString());
        problem.setProperty("transactionId", txId);
        problem.setProperty("reason", reason);
        return new OrderAnswer(problem.getStatus(), null, json.writeValueAsString(problem));
    }

    private static String locationOf(UUID orderId) {
        return "/api/orders/" + orderId;
    }
}
