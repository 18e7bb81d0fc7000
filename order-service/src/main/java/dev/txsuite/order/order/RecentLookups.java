package dev.txsuite.order.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What order-service read from another service (a product's name, price and currency; a customer's currency), kept
 * so that an order does not look the same thing up again: with warm caches an order makes no HTTP call before its
 * transaction. An entry goes when it is known to have changed ({@link ForgetChangedPrices}), and at the latest after
 * {@code ttl}. A value that changed anyway is caught by the participant, which votes NO (PRICE_CHANGED,
 * CURRENCY_MISMATCH, UNKNOWN_SKU, UNKNOWN_CUSTOMER), and the order's entries are forgotten then.
 *
 * @param <T> what is kept, by its id (a sku, a customer id)
 */
public class RecentLookups<T> {

    private record Entry<T>(T value, Instant cachedAt) {}

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public RecentLookups(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The kept value, else the one {@code lookUp} finds (kept); one that is not found is not kept. */
    Optional<T> find(String id, Function<String, Optional<T>> lookUp) {
        var cached = entries.get(id);
        if (cached != null && cached.cachedAt().plus(ttl).isAfter(clock.instant())) {
            return Optional.of(cached.value());
        }
        var found = lookUp.apply(id);
        found.ifPresent(value -> entries.put(id, new Entry<>(value, clock.instant())));
        return found;
    }

    boolean isCached(String id) {
        return entries.containsKey(id);
    }

    void forget(String id) {
        entries.remove(id);
    }

    void forgetAll() {
        entries.clear();
    }
}
