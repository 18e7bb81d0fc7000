package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderItem;
import dev.txsuite.protocol.Protocol;
import java.util.List;

/** An order whose customer and products were looked up: every line priced, all in the customer's currency. */
public record PricedOrder(String customerId, Protocol protocol, String currency, List<OrderItem> items) {

    public PricedOrder {
        items = List.copyOf(items);
    }

    public long totalCents() {
        return items.stream().mapToLong(OrderItem::lineTotalCents).reduce(0, Math::addExact);
    }
}
