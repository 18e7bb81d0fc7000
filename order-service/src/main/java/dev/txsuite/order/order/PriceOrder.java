package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PlaceOrderCommand;
import dev.txsuite.order.order.InventoryCatalog.Product;
import dev.txsuite.protocol.Protocol;
import java.util.LinkedHashMap;
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
        var items = command.price(account.currency(), products::get);
        return new PricedOrder(command.customerId(), Protocol.fromLabel(command.protocol()), account.currency(), items);
    }
}
