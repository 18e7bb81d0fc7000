package dev.txsuite.inventory.stock;

import dev.txsuite.contract.stock.ProductView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product of the catalog and its stock: {@code onHand} units in the warehouse, {@code reserved} of them promised. */
@Entity
public class Product {

    @Id
    private String sku;

    private String name;

    private long priceCents;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    private int onHand;

    private int reserved;

    protected Product() {}

    public Product(String sku, String name, long priceCents, String currency, int onHand) {
        this.sku = sku;
        this.name = name;
        this.priceCents = priceCents;
        this.currency = currency;
        this.onHand = onHand;
    }

    public int available() {
        return onHand - reserved;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    ProductView toView() {
        return new ProductView(sku, name, priceCents, currency, onHand, reserved, available());
    }
}
