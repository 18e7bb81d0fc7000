package dev.txsuite.inventory.stock;

import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;

import java.util.List;
import java.util.Map;

/** What a PREPARE asks of the inventory participant: the order lines of one transaction to reserve. */
final class StockPayloads {

    record Line(String sku, int quantity) {}

    private StockPayloads() {}

    static Line line(String sku, int quantity) {
        return new Line(sku, quantity);
    }

    static Map<String, Object> reserve(String txId, Line... lines) {
        return Map.of("orderId", orderIdOf(txId), "lines", List.of(lines));
    }
}
