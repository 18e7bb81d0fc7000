package dev.txsuite.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run was asked for, from system properties ({@code ./suite load} sets them all; a run through the Maven
 * plugin may set some and gets the simulation's defaults for the rest).
 *
 * @param baseUrl the gateway ({@code load.baseUrl}, default {@code http://localhost:8080})
 * @param rate new clients per second, each placing one order ({@code load.rate}); the peak for a ramp
 * @param duration how long clients arrive ({@code load.duration}, such as {@code 60s} or {@code 5m})
 * @param protocolMix the weight of each commit protocol ({@code load.protocolMix}, such as {@code 2PC=50,3PC=50})
 */
public record LoadSettings(String baseUrl, double rate, Duration duration, Map<String, Integer> protocolMix) {

    public LoadSettings {
        if (rate <= 0) {
            throw new IllegalArgumentException("load.rate must be positive, was " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("load.duration must be positive, was " + duration);
        }
        protocolMix = Map.copyOf(protocolMix);
    }

    static LoadSettings fromSystemProperties(double defaultRate, Duration defaultDuration) {
        return new LoadSettings(
                System.getProperty("load.baseUrl", "http://localhost:8080"),
                Double.parseDouble(System.getProperty("load.rate", String.valueOf(defaultRate))),
                duration(System.getProperty("load.duration", defaultDuration.toSeconds() + "s")),
                protocolMix(System.getProperty("load.protocolMix", "2PC=50,3PC=50")));
    }

    /** About how many orders a run at a constant rate places: rate x duration. */
    long ordersAtConstantRate() {
        return Math.round(rate * duration.toSeconds());
    }

    static Duration duration(String value) {
        try {
            return Duration.parse("PT" + value.strip().toUpperCase());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("load.duration takes a time such as 60s or 5m, not '" + value + "'");
        }
    }

    static Map<String, Integer> protocolMix(String value) {
        var mix = new LinkedHashMap<String, Integer>();
        for (var part : value.split(",")) {
            var pair = part.split("=");
            if (pair.length != 2 || !pair[0].strip().matches("2PC|3PC")) {
                throw new IllegalArgumentException(
                        "load.protocolMix takes weights such as 2PC=50,3PC=50, not '" + value + "'");
            }
            mix.put(pair[0].strip(), Integer.parseInt(pair[1].strip()));
        }
        if (mix.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("load.protocolMix needs a positive weight, was '" + value + "'");
        }
        return mix;
    }
}
