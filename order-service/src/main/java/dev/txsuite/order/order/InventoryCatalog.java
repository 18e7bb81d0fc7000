package dev.txsuite.order.order;

import java.util.Optional;

/** The products of inventory-service ({@code GET /api/products/{sku}}), read to price an order. */
public class InventoryCatalog {

    /** The part of inventory-service's product that an order needs. */
    record Product(String sku, String name, long priceCents, String currency) {}

    private final RemoteLookup inventory;

    public InventoryCatalog(RemoteLookup inventory) {
        this.inventory = inventory;
    }

    /**
     * @return empty when inventory-service knows no such product
     * @throws OrderProblem (503) when inventory-service cannot answer
     */
    Optional<Product> find(String sku) {
        return inventory.find(
                "/api/products/{sku}",
                sku,
                Product.class,
                product -> product.name() != null && product.currency() != null && product.priceCents() >= 0);
    }
}
