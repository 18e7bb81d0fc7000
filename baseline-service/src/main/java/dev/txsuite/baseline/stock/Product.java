package dev.txsuite.baseline.stock;

import dev.txsuite.contract.order.PricedProduct;
import dev.txsuite.contract.stock.ProductView;

/** A row of {@code product}: {@code onHand} units in the warehouse ({@code reserved} stays 0 in the baseline). */
public record Product(String sku, String name, long priceCents, String currency, int onHand, int reserved)
        implements PricedProduct {

    public int available() {
        return onHand - reserved;
    }

    ProductView toView() {
        return new ProductView(sku, name, priceCents, currency, onHand, reserved, available());
    }
}
