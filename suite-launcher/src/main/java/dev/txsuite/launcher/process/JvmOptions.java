package dev.txsuite.launcher.process;

import java.util.List;
import java.util.Map;

/**
 * What the suite's JVMs run with: every service's options and the Kafka broker's. {@code ./suite up} and the
 * end-to-end tests start them {@link #quickStart quickly}, with C1 only: five services and a broker are ready within
 * a minute on two cores. {@code ./suite bench} runs them {@link #warmedUp warmed up}, with both compilers, as the
 * container image does: C2 compiles for minutes on the same cores first, and is cheaper per order after that
 * (docs/benchmarks.md, "The JIT"). {@code SUITE_JVM_OPTIONS} and {@code SUITE_KAFKA_JVM_OPTIONS} replace either.
 */
public record JvmOptions(List<String> services, List<String> kafka) {

    /** Replaces every service's options (and the bench's baseline's): {@code "-Xmx512m ..."}. */
    public static final String SERVICES_VARIABLE = "SUITE_JVM_OPTIONS";

    /** Replaces the broker's options. */
    public static final String KAFKA_VARIABLE = "SUITE_KAFKA_JVM_OPTIONS";

    // small heaps: five JVMs and a broker share a laptop (or a 2-core build machine)
    private static final List<String> QUICK_START = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
    private static final List<String> QUICK_START_KAFKA =
            List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true");
    private static final List<String> WARMED_UP = List.of("-Xmx256m", "-Xshare:auto");
    private static final List<String> WARMED_UP_KAFKA = List.of("-Xmx384m", "-Xshare:auto", "-Djava.awt.headless=true");

    public JvmOptions {
        services = List.copyOf(services);
        kafka = List.copyOf(kafka);
    }

    /** C1 only, unless the variables say otherwise. */
    public static JvmOptions quickStart(Map<String, String> environment) {
        return fromEnvironment(environment, QUICK_START, QUICK_START_KAFKA);
    }

    /** Both compilers, unless the variables say otherwise. */
    public static JvmOptions warmedUp(Map<String, String> environment) {
        return fromEnvironment(environment, WARMED_UP, WARMED_UP_KAFKA);
    }

    private static JvmOptions fromEnvironment(
            Map<String, String> environment, List<String> services, List<String> kafka) {
        return new JvmOptions(
                given(environment.get(SERVICES_VARIABLE), services), given(environment.get(KAFKA_VARIABLE), kafka));
    }

    /** The options a variable gives, split at white space; {@code defaults} when it is unset or blank. */
    private static List<String> given(String value, List<String> defaults) {
        return value == null || value.isBlank()
                ? defaults
                : List.of(value.strip().split("\\s+"));
    }
}
