package dev.txsuite.baseline.order;

import dev.txsuite.baseline.account.Account;
import dev.txsuite.baseline.stock.Product;
import dev.txsuite.contract.order.OrderItem;
import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PlaceOrderCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An order whose customer and products were found: every line priced, all in the customer's currency. */
record PricedOrder(UUID orderId, String customerId, String currency, List<OrderItem> items) {

    PricedOrder {
        items = List.copyOf(items);
    }

    /**
     * @param products the products of the command's skus; an unknown sku is missing
     * @throws OrderProblem (422) naming every unknown sku, or every product priced in another currency
     */
    static PricedOrder price(PlaceOrderCommand command, Account account, Map<String, Product> products) {
        var items = command.price(account.currency(), sku -> Optional.ofNullable(products.get(sku)));
        return new PricedOrder(UUID.randomUUID(), command.customerId(), account.currency(), items);
    }

    long totalCents() {
        return items.stream().mapToLong(OrderItem::lineTotalCents).reduce(0, Math::addExact);
    }
}
