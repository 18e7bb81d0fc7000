package dev.txsuite.inventory.stock;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the coordinator carries to inventory in PREPARE: {@code {"orderId","lines":[{"sku","quantity",
 * "unitPriceCents"}]}}; {@code unitPriceCents}, the price the order was priced at, is optional.
 */
public record InventoryPayload(String orderId, List<Line> lines) {

    public InventoryPayload {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("\"orderId\" is required");
        }
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("\"lines\" needs at least one line");
        }
        lines = List.copyOf(lines);
    }

    public record Line(String sku, int quantity, Long unitPriceCents) {

        public Line {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("every line needs a \"sku\"");
            }
            if (quantity <= 0) {
                throw new IllegalArgumentException("the quantity of " + sku + " must be positive, was " + quantity);
            }
        }
    }

    /** The unit price each sku was priced at, for the lines that say. */
    Map<String, Long> pricedAt() {
        var prices = new TreeMap<String, Long>();
        lines.stream()
                .filter(line -> line.unitPriceCents() != null)
                .forEach(line -> prices.put(line.sku(), line.unitPriceCents()));
        return prices;
    }

    /** The quantity per sku, lines of the same sku added up, in sku order (the order rows are locked in). */
    Map<String, Integer> quantityBySku() {
        var quantities = new TreeMap<String, Integer>();
        lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Math::addExact));
        return quantities;
    }
}
