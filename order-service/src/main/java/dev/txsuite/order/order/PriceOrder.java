package dev.txsuite.order.order;

import dev.txsuite.order.order.InventoryCatalog.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Looks the customer and every distinct product up and prices the order. Reads only: nothing is written and no
 * transaction is started, so an unknown sku or customer (422) or an unreachable service (503) changes nothing.
 */
@Component
class PriceOrder {

    private final InventoryCatalog catalog;
    private final PaymentAccounts accounts;

    PriceOrder(InventoryCatalog catalog, PaymentAccounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    PricedOrder price(PlaceOrderCommand command) {
        var account = accounts.find(command.customerId())
                .orElseThrow(() -> OrderProblem.unknownCustomer(command.customerId()));
        var products = new LinkedHashMap<String, Optional<Product>>();
        command.items().forEach(line -> products.computeIfAbsent(line.sku(), catalog::find));

        var unknown = new ArrayList<FieldError>();
        var otherCurrency = new ArrayList<FieldError>();
        var items = new ArrayList<OrderItem>();
        for (int index = 0; index < command.items().size(); index++) {
            var line = command.items().get(index);
            var field = "items[" + index + "].sku";
            var product = products.get(line.sku());
            if (product.isEmpty()) {
                unknown.add(new FieldError(field, "no product with sku '" + line.sku() + "'"));
            } else if (!product.get().currency().equals(account.currency())) {
                otherCurrency.add(new FieldError(
                        field, "priced in " + product.get().currency() + ", not in " + account.currency()));
            } else {
                items.add(OrderItem.of(
                        line.sku(),
                        product.get().name(),
                        line.quantity(),
                        product.get().priceCents()));
            }
        }
        if (!unknown.isEmpty()) {
            throw OrderProblem.unknownSkus(unknown);
        }
        if (!otherCurrency.isEmpty()) {
            throw OrderProblem.currencyMismatch(account.currency(), otherCurrency);
        }
        return new PricedOrder(command.customerId(), command.protocol(), account.currency(), List.copyOf(items));
    }
}
