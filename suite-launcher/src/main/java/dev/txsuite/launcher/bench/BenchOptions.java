package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.CommandLine;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.JvmOptions;
import dev.txsuite.launcher.up.UpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code ./suite bench [--rates 10,20,40] [--step 30s] [--warmup 10s] [--baseline-port 8290] [--publish]} was
 * asked for, and the suite of its own it starts: the options of {@code up} with the bench's defaults (ports 8280..,
 * Kafka 9292, {@code bench_} databases) where they are not given.
 *
 * @param rates the offered rates of the sweep, orders a second, ascending
 * @param step how long each step offers its rate
 * @param warmup how long each system is warmed up, at the lowest rate, before the sweep
 * @param overloadStep how long each system is offered twice its saturation throughput after the sweep
 * @param publish write docs/benchmarks.md and its chart in the repository rather than under the suite's home
 * @param suite the suite the bench starts; its database prefix also names the baseline's database
 * @param command how the bench was started, for the report
 */
public record BenchOptions(
        List<Double> rates,
        Duration step,
        Duration warmup,
        Duration overloadStep,
        int baselinePort,
        boolean publish,
        UpOptions suite,
        String command) {

    static final List<Double> DEFAULT_RATES = List.of(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0);
    static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(180);
    static final Duration DEFAULT_OVERLOAD_STEP = Duration.ofSeconds(60);
    static final int DEFAULT_BASELINE_PORT = 8290;
    private static final Duration SHORTEST_STEP = Duration.ofSeconds(5);
    private static final int MOST_RATES = 20;

    private static final Set<String> BENCH_OPTIONS =
            Set.of("--rates", "--step", "--warmup", "--overload-step", "--baseline-port");
    private static final String PUBLISH = "--publish";
    /** A suite of its own beside ./suite up and ./suite chaos, on fresh databases. */
    private static final Map<String, String> SUITE_DEFAULTS = Map.of(
            "--ports", "8280",
            "--kafka-port", "9292",
            "--kafka-controller-port", "9293",
            "--database-prefix", "bench_");

    public BenchOptions {
        rates = List.copyOf(rates);
    }

    public static BenchOptions parse(List<String> arguments, Map<String, String> environment) {
        var benchArguments = new ArrayList<String>();
        var upArguments = new ArrayList<String>();
        for (var i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            var name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            var takes = BENCH_OPTIONS.contains(name) || PUBLISH.equals(name) ? benchArguments : upArguments;
            if ("--only".equals(name)) {
                throw new SuiteFailure("bench runs the whole suite: --only does not apply");
            }
            takes.add(argument);
            if (!PUBLISH.equals(name) && !argument.contains("=") && i + 1 < arguments.size()) {
                takes.add(arguments.get(++i));
            }
        }
        SUITE_DEFAULTS.forEach((option, value) -> {
            if (upArguments.stream().noneMatch(given -> given.equals(option) || given.startsWith(option + "="))) {
                upArguments.add(option);
                upArguments.add(value);
            }
        });
        var bench = CommandLine.parse(benchArguments, BENCH_OPTIONS, Set.of(PUBLISH));
        if (!bench.words().isEmpty()) {
            throw new SuiteFailure("bench takes options only, not " + String.join(" ", bench.words()));
        }
        // the JVMs as the container image runs them, both compilers: cheaper per order once warmed up
        var suite = UpOptions.parse(upArguments, environment).withJvm(JvmOptions.warmedUp(environment));
        var step = bench.duration("--step").orElse(DEFAULT_STEP);
        if (step.compareTo(SHORTEST_STEP) < 0 || step.toMillis() % 1000 != 0) {
            throw new SuiteFailure("--step takes whole seconds, at least " + SHORTEST_STEP.toSeconds() + "s, not "
                    + bench.value("--step").orElseThrow());
        }
        var warmup = bench.duration("--warmup").orElse(DEFAULT_WARMUP);
        if (warmup.toMillis() % 1000 != 0) {
            throw new SuiteFailure("--warmup takes whole seconds, not "
                    + bench.value("--warmup").orElseThrow());
        }
        var overloadStep = bench.duration("--overload-step").orElse(DEFAULT_OVERLOAD_STEP);
        if (overloadStep.compareTo(SHORTEST_STEP) < 0 || overloadStep.toMillis() % 1000 != 0) {
            throw new SuiteFailure("--overload-step takes whole seconds, at least " + SHORTEST_STEP.toSeconds()
                    + "s, not " + bench.value("--overload-step").orElseThrow());
        }
        var baselinePort = bench.value("--baseline-port")
                .map(value -> UpOptions.port("--baseline-port", value))
                .orElse(DEFAULT_BASELINE_PORT);
        if (suite.ports().containsValue(baselinePort)) {
            throw new SuiteFailure("the baseline and a service of the suite would both listen on port " + baselinePort
                    + "; move the baseline with --baseline-port or the suite with --ports");
        }
        return new BenchOptions(
                bench.value("--rates").map(BenchOptions::rates).orElse(DEFAULT_RATES),
                step,
                warmup,
                overloadStep,
                baselinePort,
                bench.has(PUBLISH),
                suite,
                "./suite bench" + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)));
    }

    /** The baseline's database, beside the suite's: {@code bench_baseline} by default. */
    public String baselineDatabase() {
        return suite.databasePrefix() + BaselineService.DATABASE;
    }

    /** The gateway's port: where 2PC and 3PC are offered their load. */
    public int gatewayPort() {
        return suite.ports().get(SuiteService.GATEWAY);
    }

    static List<Double> rates(String value) {
        var rates = new TreeSet<Double>();
        for (var part : value.split(",")) {
            try {
                var rate = Double.parseDouble(part.strip());
                if (!(rate > 0) || Double.isInfinite(rate)) {
                    throw new NumberFormatException();
                }
                rates.add(rate);
            } catch (NumberFormatException e) {
                throw new SuiteFailure(
                        "--rates takes orders a second above 0, separated by commas (10,20,40), not '" + value + "'");
            }
        }
        if (rates.size() > MOST_RATES) {
            throw new SuiteFailure("--rates takes at most " + MOST_RATES + " rates, not " + rates.size());
        }
        return List.copyOf(rates);
    }
}
