package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.PricedProduct;
import java.util.Optional;

/**
 * The products of inventory-service ({@code GET /api/products/{sku}}), read to price an order, through the cache
 * of {@link ProductPrices}.
 */
public class InventoryCatalog {

    /** The part of inventory-service's product that an order needs. */
    record Product(String sku, String name, long priceCents, String currency) implements PricedProduct {}

    private final RemoteLookup inventory;
    private final ProductPrices prices;

    public InventoryCatalog(RemoteLookup inventory, ProductPrices prices) {
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
}
