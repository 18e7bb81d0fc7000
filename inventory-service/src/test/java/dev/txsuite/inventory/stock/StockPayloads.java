package dev.txsuite.inventory.stock;

import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;

import java.util.List;
import java.util.Map;

/** What a PREPARE asks of the inventory participant: the order lines of one transaction to reserve. */
final class StockPayloads {

    /** {@code unitPriceCents}: the price the order was priced at; null for a line that does not say. */
    record Line(String sku, int quantity, Long unitPriceCents) {}

    private StockPayloads() {}

    static Line line(String sku, int quantity) {
        return new Line(sku, quantity, null);
    }

    static Line pricedLine(String sku, int quantity, long unitPriceCents) {
        return new Line(sku, quantity, unitPriceCents);
    }

    static Map<String, Object> reserve(String txId, Line... lines) {
        return Map.of("orderId", orderIdOf(txId), "lines", List.of(lines));
    }
}
