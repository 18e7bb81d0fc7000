package dev.txsuite.inventory.stock;

/** A product as the API shows it; {@code available} is what an order can still reserve. */
public record ProductView(
        String sku, String name, long priceCents, String currency, int onHand, int reserved, int available) {

    static ProductView of(Product product) {
        return new ProductView(
                product.sku(),
                product.name(),
                product.priceCents(),
                product.currency(),
                product.onHand(),
                product.reserved(),
                product.available());
    }
}
