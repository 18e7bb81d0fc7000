package dev.txsuite.order.order;

/** Where an order stands: the order participant's branch seen from the business side. */
public enum OrderStatus {
    /** Prepared: the order is recorded, the global transaction has not decided yet. */
    PENDING,
    CONFIRMED,
    REJECTED
}
