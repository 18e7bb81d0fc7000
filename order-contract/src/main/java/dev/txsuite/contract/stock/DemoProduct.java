package dev.txsuite.contract.stock;

import java.util.List;

/**
 * A product an empty catalog is filled with (unless DEMO_DATA=false): the ones the README's first curl and the
 * load tests order, the same at inventory-service and at the baseline.
 */
public record DemoProduct(String sku, String name, long priceCents, String currency, int onHand) {

    public static final List<DemoProduct> CATALOG = List.of(
            new DemoProduct("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 1800, "USD", 100),
            new DemoProduct("MUG-CERAMIC", "Ceramic mug", 1200, "USD", 50),
            new DemoProduct("KETTLE-ELECTRIC", "Electric kettle", 4500, "USD", 20),
            new DemoProduct("GRINDER-BURR", "Burr grinder", 12900, "USD", 10),
            new DemoProduct("FILTER-PAPERS", "Filter papers, 100", 450, "USD", 500),
            new DemoProduct("DRIPPER-LIMITED", "Limited edition dripper", 8900, "USD", 2));
}
