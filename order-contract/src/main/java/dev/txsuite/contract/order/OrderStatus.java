package dev.txsuite.contract.order;

/** Where an order stands, as the API and the order events show it. */
public enum OrderStatus {
    /**
     * Recorded, its global transaction not decided yet (order-service only: the baseline decides an order in the
     * transaction that writes it).
     */
    PENDING,
    CONFIRMED,
    REJECTED
}
