package dev.txsuite.inventory.stock;

import dev.txsuite.contract.order.BranchRefusals;
import dev.txsuite.contract.stock.StockEvent;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Inventory's part of an order: PREPARE reserves every line or nothing (voting NO when a sku is unknown, a line's
 * price is not the product's any more, or stock is short), COMMIT takes the reserved units out of
 * stock, ABORT makes them available again. Runs inside the participant's local transaction, so the events it
 * publishes (one per sku; a NO vote changes nothing and publishes nothing) commit with the change.
 */
@Component
class StockParticipant implements BranchWork<InventoryPayload> {

    static final String OUT_OF_STOCK = BranchRefusals.OUT_OF_STOCK;
    static final String UNKNOWN_SKU = BranchRefusals.UNKNOWN_SKU;
    static final String PRICE_CHANGED = BranchRefusals.PRICE_CHANGED;

    private final ProductRepository products;
    private final ReservationRepository reservations;
    private final ApplicationEventPublisher events;

    StockParticipant(ProductRepository products, ReservationRepository reservations, ApplicationEventPublisher events) {
        this.products = products;
        this.reservations = reservations;
        this.events = events;
    }

    @Override
    public Class<InventoryPayload> payloadType() {
        return InventoryPayload.class;
    }

    @Override
    public Vote prepare(String txId, InventoryPayload payload) {
        var wanted = payload.quantityBySku();
        var locked = lockBySku(wanted.keySet().stream().toList());
        if (locked.size() < wanted.size()) {
            return Vote.no(UNKNOWN_SKU);
        }
        // decide before touching anything: a NO vote must leave the stock exactly as it was
        if (payload.pricedAt().entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).priceCents() != line.getValue())) {
            return Vote.no(PRICE_CHANGED);
        }
        var shortOfStock = wanted.entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).available() < line.getValue());
        if (shortOfStock) {
            return Vote.no(OUT_OF_STOCK);
        }
        wanted.forEach((sku, quantity) -> {
            var product = locked.get(sku);
            product.reserve(quantity);
            var reservation = reservations.save(new Reservation(txId, sku, payload.orderId(), quantity));
            events.publishEvent(stockEvent(StockEvent.RESERVED, reservation, product));
        });
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var reserved = reservations.findByIdTxIdOrderByIdSku(txId);
        var locked = lockBySku(reserved.stream().map(Reservation::sku).toList());
        reserved.forEach(reservation -> {
            var product = locked.get(reservation.sku());
            reservation.take(product);
            events.publishEvent(stockEvent(StockEvent.TAKEN, reservation, product));
            events.publishEvent(stockEvent(StockEvent.CHANGED, reservation, product));
        });
    }

    @Override
    public void abort(String txId, String reason) {
        var reserved = reservations.findByIdTxIdOrderByIdSku(txId);
        var locked = lockBySku(reserved.stream().map(Reservation::sku).toList());
        reserved.forEach(reservation -> {
            var product = locked.get(reservation.sku());
            reservation.release(product);
            events.publishEvent(stockEvent(StockEvent.RELEASED, reservation, product));
        });
    }

    private Map<String, Product> lockBySku(List<String> skus) {
        return products.lockAllBySkuIn(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    /** @param product the product after the change */
    private static StockEvent stockEvent(String type, Reservation reservation, Product product) {
        return new StockEvent(
                SuiteEvent.newEventId(),
                type,
                product.sku(),
                reservation.orderId(),
                reservation.txId(),
                reservation.quantity(),
                product.onHand(),
                product.reserved(),
                Instant.now());
    }
}
