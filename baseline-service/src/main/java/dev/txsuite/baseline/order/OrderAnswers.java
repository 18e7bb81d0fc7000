package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.order.PlacedOrder;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the answers to {@code POST /api/orders}: those of order-service for a decided order. */
@Component
class OrderAnswers {

    private final JsonMapper json;

    OrderAnswers(JsonMapper json) {
        this.json = json;
    }

    OrderAnswer confirmed(PricedOrder order, String txId) {
        var body = new PlacedOrder(
                order.orderId().toString(),
                OrderStatus.CONFIRMED,
                txId,
                PlaceOrder.PROTOCOL,
                order.totalCents(),
                order.currency(),
                order.items());
        return new OrderAnswer(order.orderId(), 201, locationOf(order.orderId()), json.writeValueAsString(body));
    }

    /** Not enough stock or money: the order is kept as REJECTED. */
    OrderAnswer rejected(PricedOrder order, String txId, String reason) {
        var problem = OrderProblem.orderRejected(order.orderId().toString(), txId, reason);
        return new OrderAnswer(
                order.orderId(), problem.status().value(), null, json.writeValueAsString(problem.toProblemDetail()));
    }

    private static String locationOf(UUID orderId) {
        return "/api/orders/" + orderId;
    }
}
