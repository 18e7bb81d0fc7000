package dev.txsuite.order.order;

import dev.txsuite.order.order.InventoryCatalog.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The products (name, price, currency) read from inventory-service, kept so that an order does not look up the
 * same product again. An entry goes when inventory publishes a change of its sku ({@link ForgetChangedPrices}),
 * and at the latest after {@code ttl}, in case those events stop arriving (Kafka down).
 */
public class ProductPrices {

    private record Entry(Product product, Instant cachedAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public ProductPrices(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The cached product, else the one {@code lookUp} finds (kept); an unknown sku is not kept. */
    Optional<Product> find(String sku, Function<String, Optional<Product>> lookUp) {
        var cached = entries.get(sku);
        if (cached != null && cached.cachedAt().plus(ttl).isAfter(clock.instant())) {
            return Optional.of(cached.product());
        }
        var found = lookUp.apply(sku);
        found.ifPresent(product -> entries.put(sku, new Entry(product, clock.instant())));
        return found;
    }

    boolean isCached(String sku) {
        return entries.containsKey(sku);
    }

    void forget(String sku) {
        entries.remove(sku);
    }

    void forgetAll() {
        entries.clear();
    }
}
