package dev.txsuite.contract.stock;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Instant;

/**
 * What happened to the stock of one sku, on {@code inventory.events} keyed by sku: units reserved, taken or
 * released by a transaction, units added by an operator's restock, and {@code stock.changed} whenever the units on
 * hand change. inventory-service publishes all five types; the baseline never reserves, so only {@code stock.taken}
 * and {@code stock.changed}.
 *
 * @param orderId the order whose transaction moved the units; {@code null} for a restock
 * @param txId the transaction that moved the units (the baseline: its local database transaction; a restock: the
 *     restock's id)
 * @param quantity the units the transaction moved
 * @param onHand the units on hand after the change
 * @param reserved the units reserved after the change
 */
public record StockEvent(
        String eventId,
        String type,
        String sku,
        String orderId,
        String txId,
        int quantity,
        int onHand,
        int reserved,
        Instant time)
        implements SuiteEvent {

    public static final String RESERVED = "dev.txsuite.stock.reserved.v1";
    public static final String TAKEN = "dev.txsuite.stock.taken.v1";
    public static final String RELEASED = "dev.txsuite.stock.released.v1";
    public static final String RESTOCKED = "dev.txsuite.stock.restocked.v1";
    public static final String CHANGED = "dev.txsuite.stock.changed.v1";

    @Override
    public String topic() {
        return Topics.INVENTORY_EVENTS;
    }

    @Override
    public String key() {
        return sku;
    }
}
