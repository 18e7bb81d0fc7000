package dev.txsuite.contract.order;

/** An order line as the API and the order payload show it; {@code lineTotalCents = quantity * unitPriceCents}. */
public record OrderItem(String sku, String name, int quantity, long unitPriceCents, long lineTotalCents) {

    public static OrderItem of(String sku, String name, int quantity, long unitPriceCents) {
        return new OrderItem(sku, name, quantity, unitPriceCents, Math.multiplyExact(quantity, unitPriceCents));
    }
}
