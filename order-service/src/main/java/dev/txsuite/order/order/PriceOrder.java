package dev.txsuite.order.order;

import dev.txsuite.contract.order.BranchRefusals;
import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PlaceOrderCommand;
import dev.txsuite.order.order.InventoryCatalog.Product;
import dev.txsuite.protocol.Protocol;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Looks the customer and every distinct product up and prices the order, from what order-service kept of them
 * ({@link RecentLookups}) or else from their services. Reads only: nothing is written and no transaction is started,
 * so an unknown sku or customer (422) or an unreachable service (503) changes nothing.
 */
@Component
class PriceOrder {

    private final InventoryCatalog catalog;
    private final PaymentAccounts accounts;

    PriceOrder(InventoryCatalog catalog, PaymentAccounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    /**
     * A participant refused the order for something this service priced it from: what it kept of it is forgotten, so
     * that the next order looks it up again. A sku or customer that is unknown by now is the client's 422, as if it
     * had been unknown from the start (the transaction, aborted, changed nothing).
     *
     * @throws OrderProblem (422) when the refusal was an unknown sku or customer, and it still is
     */
    void forgetWhatChanged(PlaceOrderCommand command, String refusal) {
        switch (refusal) {
            case BranchRefusals.PRICE_CHANGED, BranchRefusals.UNKNOWN_SKU ->
                catalog.forget(command.items().stream()
                        .map(PlaceOrderCommand.Line::sku)
                        .toList());
            case BranchRefusals.CURRENCY_MISMATCH, BranchRefusals.UNKNOWN_CUSTOMER ->
                accounts.forget(command.customerId());
            default -> {
                return;
            }
        }
        if (BranchRefusals.UNKNOWN_SKU.equals(refusal) || BranchRefusals.UNKNOWN_CUSTOMER.equals(refusal)) {
            price(command);
        }
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
