package dev.txsuite.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Picks one of a few values at random, each as often as its weight says. */
final class WeightedChoice<T> implements Supplier<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    WeightedChoice(Map<T, Integer> weights) {
        weights.forEach((value, weight) -> {
            if (weight > 0) {
                total += weight;
                values.add(value);
                cumulative.add(total);
            }
        });
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from in " + weights);
        }
    }

    /** Each value as often as any other. */
    static <T> WeightedChoice<T> evenly(Collection<T> values) {
        var weights = new LinkedHashMap<T, Integer>();
        values.forEach(value -> weights.put(value, 1));
        return new WeightedChoice<>(weights);
    }

    @Override
    public T get() {
        var drawn = ThreadLocalRandom.current().nextInt(total);
        for (var i = 0; i < values.size(); i++) {
            if (drawn < cumulative.get(i)) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("drew " + drawn + " of " + total);
    }
}
