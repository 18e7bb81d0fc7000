package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order, priced when the order was placed. */
@Embeddable
public class OrderLine {

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price_cents", nullable = false)
    private long unitPriceCents;

    protected OrderLine() {}

    OrderLine(String sku, String name, int quantity, long unitPriceCents) {
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
    }

    OrderItem toItem() {
        return OrderItem.of(sku, name, quantity, unitPriceCents);
    }
}
