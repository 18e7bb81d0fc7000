package dev.txsuite.inventory.stock;

import dev.txsuite.contract.order.BranchRefusals;
import dev.txsuite.contract.stock.StockEvent;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inventory's part of an order: PREPARE reserves every line or nothing (voting NO when a sku is unknown, a line's
 * price is not the product's any more, or stock is short), COMMIT takes the reserved units out of stock, ABORT makes
 * them available again. Runs inside the participant's local transaction, so the events it publishes (one per sku; a
 * NO vote changes nothing and publishes nothing) commit with the change.
 *
 * <p>Plain SQL, a few statements a message whatever the number of lines: the products are locked in sku order first
 * (so that two transactions touching the same skus never deadlock), then every line is changed by one statement.
 */
@Component
class StockParticipant implements BranchWork<InventoryPayload> {

    static final String OUT_OF_STOCK = BranchRefusals.OUT_OF_STOCK;
    static final String UNKNOWN_SKU = BranchRefusals.UNKNOWN_SKU;
    static final String PRICE_CHANGED = BranchRefusals.PRICE_CHANGED;

    /** A product as locked: what a PREPARE checks a line against. */
    private record Locked(String sku, long priceCents, int onHand, int reserved) {

        int available() {
            return onHand - reserved;
        }
    }

    /** A product after a change: what its stock event tells. */
    private record Changed(String sku, int onHand, int reserved) {}

    /** A reservation of the transaction, as its COMMIT or ABORT settles it. */
    private record Settled(String sku, String orderId, int quantity) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StockParticipant(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Class<InventoryPayload> payloadType() {
        return InventoryPayload.class;
    }

    @Override
    public Vote prepare(String txId, InventoryPayload payload) {
        var wanted = payload.quantityBySku();
        var locked = lock(List.copyOf(wanted.keySet()));
        if (locked.size() < wanted.size()) {
            return Vote.no(UNKNOWN_SKU);
        }
        // decide before touching anything: a NO vote must leave the stock exactly as it was
        if (payload.pricedAt().entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).priceCents() != line.getValue())) {
            return Vote.no(PRICE_CHANGED);
        }
        if (wanted.entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).available() < line.getValue())) {
            return Vote.no(OUT_OF_STOCK);
        }
        var skus = wanted.keySet().toArray(String[]::new);
        var quantities = wanted.values().toArray(Integer[]::new);
        var changed = jdbc.sql("""
                        UPDATE product p SET reserved = p.reserved + line.quantity
                        FROM unnest(CAST(:skus AS text[]), CAST(:quantities AS int[])) AS line (sku, quantity)
                        WHERE p.sku = line.sku
                        RETURNING p.sku, p.on_hand, p.reserved""")
                .param("skus", skus)
                .param("quantities", quantities)
                .query((row, number) ->
                        new Changed(row.getString("sku"), row.getInt("on_hand"), row.getInt("reserved")))
                .list();
        jdbc.sql("""
                        INSERT INTO reservation (tx_id, sku, order_id, quantity, state, created_at, updated_at)
                        SELECT :txId, line.sku, :orderId, line.quantity, 'RESERVED', now(), now()
                        FROM unnest(CAST(:skus AS text[]), CAST(:quantities AS int[])) AS line (sku, quantity)""")
                .param("txId", txId)
                .param("orderId", payload.orderId())
                .param("skus", skus)
                .param("quantities", quantities)
                .update();
        changed.forEach(product -> publish(
                StockEvent.RESERVED,
                txId,
                new Settled(product.sku(), payload.orderId(), wanted.get(product.sku())),
                product));
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        settle(
                txId,
                "TAKEN",
                "on_hand = p.on_hand - line.quantity, reserved = p.reserved - line.quantity",
                (reservation, product) -> {
                    publish(StockEvent.TAKEN, txId, reservation, product);
                    publish(StockEvent.CHANGED, txId, reservation, product);
                });
    }

    @Override
    public void abort(String txId, String reason) {
        settle(
                txId,
                "RELEASED",
                "reserved = p.reserved - line.quantity",
                (reservation, product) -> publish(StockEvent.RELEASED, txId, reservation, product));
    }

    /**
     * Moves the transaction's reservations from RESERVED to {@code state} and changes their products as
     * {@code change} says (several products are locked in sku order first), then tells {@code settled} of each.
     *
     * @param change constant SQL assignments of the two callers above over {@code p} (the product) and {@code line}
     */
    private void settle(String txId, String state, String change, BiConsumer<Settled, Changed> settled) {
        var reservations = jdbc.sql("""
                        UPDATE reservation SET state = :state, updated_at = now()
                        WHERE tx_id = :txId AND state = 'RESERVED'
                        RETURNING sku, order_id, quantity""")
                .param("state", state)
                .param("txId", txId)
                .query((row, number) ->
                        new Settled(row.getString("sku"), row.getString("order_id"), row.getInt("quantity")))
                .list();
        if (reservations.isEmpty()) {
            // the participant machine only asks for phase two's work after a YES vote, which reserved something
            throw new IllegalStateException("transaction " + txId + " voted YES but holds no reservation");
        }
        if (reservations.size() > 1) {
            lock(reservations.stream().map(Settled::sku).toList());
        }
        var changed = jdbc
                .sql("""
                        UPDATE product p SET %s
                        FROM unnest(CAST(:skus AS text[]), CAST(:quantities AS int[])) AS line (sku, quantity)
                        WHERE p.sku = line.sku
                        RETURNING p.sku, p.on_hand, p.reserved""".formatted(change))
                .param("skus", reservations.stream().map(Settled::sku).toArray(String[]::new))
                .param(
                        "quantities",
                        reservations.stream().map(Settled::quantity).toArray(Integer[]::new))
                .query((row, number) ->
                        new Changed(row.getString("sku"), row.getInt("on_hand"), row.getInt("reserved")))
                .list()
                .stream()
                .collect(Collectors.toMap(Changed::sku, Function.identity()));
        reservations.forEach(reservation -> settled.accept(reservation, changed.get(reservation.sku())));
    }

    /** Locks the products until the local transaction ends, in sku order; the ones that exist, by sku. */
    private Map<String, Locked> lock(List<String> skus) {
        return jdbc
                .sql("""
                        SELECT sku, price_cents, on_hand, reserved FROM product
                        WHERE sku = ANY (CAST(:skus AS text[])) ORDER BY sku FOR UPDATE""")
                .param("skus", skus.toArray(String[]::new))
                .query((row, number) -> new Locked(
                        row.getString("sku"),
                        row.getLong("price_cents"),
                        row.getInt("on_hand"),
                        row.getInt("reserved")))
                .list()
                .stream()
                .collect(Collectors.toMap(Locked::sku, Function.identity()));
    }

    /** @param product the product after the change */
    private void publish(String type, String txId, Settled reservation, Changed product) {
        events.publishEvent(new StockEvent(
                SuiteEvent.newEventId(),
                type,
                product.sku(),
                reservation.orderId(),
                txId,
                reservation.quantity(),
                product.onHand(),
                product.reserved(),
                Instant.now()));
    }
}
