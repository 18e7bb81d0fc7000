package dev.txsuite.events;

import java.util.List;

/** The suite's Kafka topics and the key each one is partitioned by. */
public final class Topics {

    /** Key: transaction id. */
    public static final String TX_EVENTS = "tx.events";

    /** Key: order id. */
    public static final String ORDER_EVENTS = "order.events";

    /** Key: sku. */
    public static final String INVENTORY_EVENTS = "inventory.events";

    /** Key: customer id. */
    public static final String PAYMENT_EVENTS = "payment.events";

    public static final List<String> ALL = List.of(TX_EVENTS, ORDER_EVENTS, INVENTORY_EVENTS, PAYMENT_EVENTS);

    private Topics() {}
}
