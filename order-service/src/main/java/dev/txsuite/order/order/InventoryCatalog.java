package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PricedProduct;
import java.util.Optional;

/**
 * The products of inventory-service ({@code GET /api/products/{sku}}), read to price an order, kept once read
 * ({@link RecentLookups}).
 */
public class InventoryCatalog {

    /** The part of inventory-service's product that an order needs. */
    public record Product(String sku, String name, long priceCents, String currency) implements PricedProduct {}

    private final RemoteLookup inventory;
    private final RecentLookups<Product> prices;

    public InventoryCatalog(RemoteLookup inventory, RecentLookups<Product> prices) {
        this.inventory = inventory;
        this.prices = prices;
    }

    /**
     * @return empty when inventory-service knows no such product
     * @throws OrderProblem (503) when inventory-service cannot answer
     */
    Optional<Product> find(String sku) {
        return prices.find(
                sku,
                unknown -> inventory.find(
                        "/api/products/{sku}",
                        unknown,
                        Product.class,
                        product -> product.name() != null && product.currency() != null && product.priceCents() >= 0));
    }

    /** Inventory voted that a price is not what this service kept: look the skus up again next time. */
    void forget(Iterable<String> skus) {
        skus.forEach(prices::forget);
    }
}
