package dev.txsuite.contract.order;

/** What pricing an order needs to know of a product; each service's own product type provides it. */
public interface PricedProduct {

    String name();

    long priceCents();

    String currency();
}
