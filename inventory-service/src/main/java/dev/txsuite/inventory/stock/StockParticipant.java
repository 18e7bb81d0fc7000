package dev.txsuite.inventory.stock;

import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Inventory's part of an order: PREPARE reserves every line or nothing, COMMIT takes the reserved units out of
 * stock, ABORT makes them available again. Runs inside the participant's local transaction.
 */
@Component
class StockParticipant implements BranchWork<InventoryPayload> {

    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    static final String UNKNOWN_SKU = "UNKNOWN_SKU";

    private final ProductRepository products;
    private final ReservationRepository reservations;

    StockParticipant(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
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
        var shortOfStock = wanted.entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).available() < line.getValue());
        if (shortOfStock) {
            return Vote.no(OUT_OF_STOCK);
        }
        wanted.forEach((sku, quantity) -> {
            locked.get(sku).reserve(quantity);
            reservations.save(new Reservation(txId, sku, payload.orderId(), quantity));
        });
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var reserved = reservations.findByIdTxIdOrderByIdSku(txId);
        var locked = lockBySku(reserved.stream().map(Reservation::sku).toList());
        reserved.forEach(reservation -> reservation.take(locked.get(reservation.sku())));
    }

    @Override
    public void abort(String txId, String reason) {
        var reserved = reservations.findByIdTxIdOrderByIdSku(txId);
        var locked = lockBySku(reserved.stream().map(Reservation::sku).toList());
        reserved.forEach(reservation -> reservation.release(locked.get(reservation.sku())));
    }

    private Map<String, Product> lockBySku(List<String> skus) {
        return products.lockAllBySkuIn(skus).stream().collect(Collectors.toMap(Product::sku, Function.identity()));
    }
}
