package dev.txsuite.launcher.bench;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** How the bench writes its numbers, on the console and in the report alike. */
final class Figures {

    private Figures() {}

    /** A rate: {@code 40}, {@code 2.5}, {@code 38.7}. */
    static String rate(double perSecond) {
        var rounded = Math.round(perSecond * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? String.valueOf((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** Milliseconds to a tenth: {@code 12.3}. */
    static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    /** A count per order, to a tenth: {@code 11.0}, {@code 3.4}. */
    static String count(double perOrder) {
        return String.format(Locale.ROOT, "%.1f", perOrder);
    }

    /** A share as a percentage: {@code 0.0}, {@code 12.5}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    /** A ratio: {@code 0.42}. */
    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Bytes of memory in GiB: {@code 23.4 GiB}. */
    static String memory(OptionalLong bytes) {
        return bytes.isPresent()
                ? String.format(Locale.ROOT, "%.1f GiB", bytes.getAsLong() / (double) (1L << 30))
                : "unknown";
    }

    /** A load average: {@code 6.47}. */
    static String load(OptionalDouble load) {
        return load.isPresent() ? String.format(Locale.ROOT, "%.2f", load.getAsDouble()) : "unknown";
    }
}
