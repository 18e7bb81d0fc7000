package dev.txsuite.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers and products the services load into empty databases (inventory-service's LoadDemoProducts,
 * payment-service's LoadDemoAccounts; the README's "Demo data"), arranged in pools so that a run does not starve
 * itself: skus weighted by their stock, customers by their balance, so stock runs out before money does.
 */
final class DemoData {

    /** Every demo product: the bench draws them evenly once it has topped their stock up. */
    static final List<String> ALL_SKUS = List.of(
            "COFFEE-BEANS-1KG", "MUG-CERAMIC", "KETTLE-ELECTRIC", "GRINDER-BURR", "FILTER-PAPERS", "DRIPPER-LIMITED");

    /** Every demo customer: the bench draws them evenly once it has topped their balances up. */
    static final List<String> ALL_CUSTOMERS = List.of("alice", "bob", "carol", "dave", "erin");

    /** The plentiful, cheap skus: 650 units worth 4,650 dollars in all. */
    static final Map<String, Integer> SKUS_BY_STOCK =
            ordered("FILTER-PAPERS", 500, "COFFEE-BEANS-1KG", 100, "MUG-CERAMIC", 50);

    /**
     * The customers who can pay: even if every unit of every demo product were sold at these weights, the
     * smallest balance (bob's 250 dollars) would not be spent.
     */
    static final Map<String, Integer> CUSTOMERS_BY_BALANCE = ordered("erin", 40, "alice", 4, "bob", 1);

    /** 10,000 dollars. */
    static final String RICHEST_CUSTOMER = "erin";

    /** 5 dollars: less than two FILTER-PAPERS (2 x 4.50). */
    static final String POOR_CUSTOMER = "dave";

    static final String CHEAP_SKU = "FILTER-PAPERS";

    /** Sells out early under the default hot-sku load: 100 units. */
    static final String HOT_SKU = "COFFEE-BEANS-1KG";

    private DemoData() {}

    private static Map<String, Integer> ordered(Object... pairs) {
        var map = new LinkedHashMap<String, Integer>();
        for (var i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
