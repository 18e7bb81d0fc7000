package dev.txsuite.contract.stock;

/** A product as {@code GET /api/products[/{sku}]} shows it; {@code available} is what an order can still take. */
public record ProductView(
        String sku, String name, long priceCents, String currency, int onHand, int reserved, int available) {}
