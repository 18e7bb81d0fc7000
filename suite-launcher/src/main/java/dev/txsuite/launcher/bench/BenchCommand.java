package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.kafka.KafkaBroker;
import dev.txsuite.launcher.load.GatlingRun;
import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.process.LocalPorts;
import dev.txsuite.launcher.supply.Supplies;
import dev.txsuite.launcher.up.BuildMissingJars;
import dev.txsuite.launcher.up.PostgresServer;
import dev.txsuite.launcher.up.UpCommand;
import dev.txsuite.launcher.verify.AwaitQuiet;
import dev.txsuite.launcher.verify.Invariants;
import dev.txsuite.launcher.verify.SuiteVerification;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./suite bench}: a suite of its own (fresh {@code bench_} databases, ports 8280.., Kafka 9292, fault injection
 * off) and the baseline beside it, the same offered loads on the baseline, 2PC and 3PC ({@link BenchRun}), the
 * invariants of both checked afterwards, and docs/benchmarks.md with its chart written: under the suite's home, or in
 * the repository's docs/ with {@code --publish}. Exit 1 when an invariant does not hold.
 */
public final class BenchCommand {

    static final String REPORT = "benchmarks.md";

    /** The process name of the baseline, for its CPU, requests and database. */
    static final String BASELINE = "baseline";

    /** The hand-written half of the report's "Where the time goes", copied in at every bench. */
    static final String ANALYSIS = "benchmark-analysis.md";

    /**
     * Fault injection off, as in production; the gateway's limits on orders (1000/s by default) out of the way: the
     * bench measures the protocols, not the limiter; the baseline routed through the gateway.
     */
    private static Map<String, String> settings(BenchOptions options) {
        return Map.of(
                "TXSUITE_FAULTS_ENABLED", "false",
                "GATEWAY_RATE_LIMIT_ORDERS", "1000000",
                "GATEWAY_RATE_LIMIT_BASELINE", "1000000",
                "TXSUITE_GATEWAY_BASELINEURL", "http://127.0.0.1:" + options.baselinePort());
    }

    private final UpCommand up;
    private final RepositoryRoot root;
    private final Map<String, String> environment;
    private final Path home;
    private final PrintStream out;

    public BenchCommand(
            UpCommand up, RepositoryRoot root, Map<String, String> environment, Path home, PrintStream out) {
        this.up = up;
        this.root = root;
        this.environment = environment;
        this.home = home;
        this.out = out;
    }

    public int run(List<String> arguments) {
        var options = BenchOptions.parse(arguments, environment);
        var machine = MachineRecord.ofThisMachine();
        out.println("bench: " + machine.oneLine());
        if (machine.wasBusyAtStart()) {
            out.println("bench: WARNING: the machine is busy already; the figures will say so");
        }
        if (!LocalPorts.isFree(options.baselinePort())) {
            throw new SuiteFailure("port " + options.baselinePort() + " (for the baseline) is already taken; free it"
                    + " or move the baseline with --baseline-port=<port>");
        }
        var logs = logs();
        var gatling = new GatlingRun(root, home.resolve("bench").resolve("gatling"), out);
        gatling.buildIfMissing(logs.resolve("build.log"), GatlingStep.SIMULATION);
        if (root.findExecJar(BaselineService.MODULE).isEmpty()) {
            new BuildMissingJars(root, logs.resolve("build.log"), out).build(List.of(BaselineService.MODULE));
        }
        var kafkaData = home.resolve("bench-kafka");
        KafkaBroker.deleteData(kafkaData);
        // C1 only, as ./suite up: both compilers measured worse within a bench on 2 cores (docs/benchmarks.md)
        var started = up.start(options.suite(), settings(options), kafkaData, true);
        if (started.isEmpty()) {
            return 0;
        }
        try (var suite = started.get().suite()) {
            var postgres = PostgresServer.fromEnvironment(environment);
            postgres.dropIfExists(options.baselineDatabase());
            postgres.createIfMissing(options.baselineDatabase());
            var baselineDatabase = postgres.loginTo(options.baselineDatabase());
            try (var baseline = new BaselineService(
                            root,
                            options.baselinePort(),
                            baselineDatabase,
                            suite.broker().bootstrapServers(),
                            logs.resolve("baseline.log"),
                            options.suite().jvm().services())
                    .start()) {
                out.println("  baseline is up on port " + options.baselinePort() + " (database "
                        + options.baselineDatabase() + ")");
                return bench(options, machine, gatling, started.get(), baseline, baselineDatabase);
            }
        }
    }

    /** Everything between the start and the stop of the systems: the steps, the checks, the report. */
    private int bench(
            BenchOptions options,
            MachineRecord machine,
            GatlingRun gatling,
            UpCommand.Started started,
            BaselineService baselineService,
            DatabaseLogin baselineDatabase) {
        var baseline = baselineService.baseUri();
        var kafka = started.suite().broker().bootstrapServers();
        var databases = started.lineup().databases();
        var invariants = new Invariants(databases);
        // the top-up and the snapshot after it need a suite with nothing in flight, as a fresh one soon is
        if (!new AwaitQuiet(invariants, out, "bench: ").within(SuiteVerification.QUIET_WITHIN)) {
            throw new SuiteFailure("the freshly started suite did not become quiet within "
                    + SuiteVerification.QUIET_WITHIN.toSeconds() + " s; see the logs in " + logs());
        }
        var gateway = URI.create("http://127.0.0.1:" + options.gatewayPort());
        out.println("bench: topped up, in the suite: "
                + TopUpStockAndMoney.topUp(Supplies.fromEnvironment(gateway, environment))
                + "; in the baseline: " + TopUpStockAndMoney.topUp(baselineDatabase, baselineDatabase));
        var suiteStart = invariants.snapshot();
        var baselineInvariants = new BaselineInvariants(baselineDatabase);
        var baselineStart = baselineInvariants.snapshot();

        var targets = Map.of(
                BenchSystem.BASELINE, gateway.resolve("/baseline"),
                BenchSystem.TWO_PC, gateway,
                BenchSystem.THREE_PC, gateway,
                BenchSystem.BASELINE_DIRECT, baseline);
        var steps = new GatlingStep(gatling, logs().resolve("bench-gatling.log"), out);
        var meter = new ActivityMeter(
                new CpuMeter(() -> {
                    var processes = started.suite().processes();
                    baselineService.handle().ifPresent(process -> processes.put(BASELINE, process));
                    return processes;
                }),
                () -> {
                    var services = new LinkedHashMap<String, URI>();
                    started.suite().services().stream()
                            .filter(service -> !service.name().equals(BenchRun.GATEWAY))
                            .forEach(service -> services.put(service.name(), service.baseUri()));
                    services.put(BASELINE, baseline);
                    return services;
                },
                PostgresServer.fromEnvironment(environment),
                databases(options),
                kafka);
        var measurements = new BenchRun(options, targets, steps, invariants, meter, out).run();
        var loadAverageAtEnd = MachineRecord.loadAverageNow();

        out.println("bench: checking the invariants of the suite and of the baseline...");
        var suiteReport = new SuiteVerification(invariants, suiteStart, kafka, out).run(SuiteVerification.QUIET_WITHIN);
        suiteReport.print(out);
        var baselineViolations = baselineInvariants.violationsSince(baselineStart);
        out.println(
                baselineViolations.isEmpty()
                        ? "bench: the baseline's stock, money and order totals all hold"
                        : "bench: " + baselineViolations.size() + " violation(s) in the baseline:");
        baselineViolations.forEach(violation -> out.println("  - " + violation));
        var report = new BenchReport(
                machine, loadAverageAtEnd, options, measurements, suiteReport.violations(), baselineViolations);
        var written = write(report, options.publish() ? root.directory().resolve("docs") : home.resolve("bench"));
        printSummary(report, written, options.publish());
        return report.invariantsHold() ? 0 : 1;
    }

    /** Each database the bench counts the work of, by the service that owns it. */
    private static Map<String, String> databases(BenchOptions options) {
        var databases = new LinkedHashMap<String, String>();
        for (var service : SuiteService.values()) {
            if (service.ownsDatabase()) {
                databases.put(service.shortName(), options.suite().databasePrefix() + service.database());
            }
        }
        databases.put(BASELINE, options.baselineDatabase());
        return databases;
    }

    /** Where the services' logs go, as for ./suite up, and the bench's Gatling output beside them. */
    private Path logs() {
        return home.resolve("logs");
    }

    private Path write(BenchReport report, Path folder) {
        try {
            Files.createDirectories(folder);
            var markdown = folder.resolve(REPORT);
            var analysis = root.directory().resolve("docs").resolve(ANALYSIS);
            Files.writeString(
                    markdown,
                    BenchmarkMarkdown.of(
                            report,
                            Files.isRegularFile(analysis)
                                    ? Optional.of(Files.readString(analysis))
                                    : Optional.empty()));
            LatencyChart.write(report.measurements(), folder.resolve(BenchmarkMarkdown.CHART));
            if (!report.measurements().overloaded().isEmpty()) {
                LatencyChart.writeGoodput(report.measurements(), folder.resolve(BenchmarkMarkdown.GOODPUT_CHART));
            }
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + folder, e);
        }
    }

    private void printSummary(BenchReport report, Path written, boolean published) {
        var measurements = report.measurements();
        out.println();
        out.println("bench: saturation throughput, confirmed orders/s (ratio to the baseline):");
        for (var system : measurements.systems()) {
            var sweep = measurements.sweep(system);
            out.println(String.format(
                    Locale.ROOT,
                    "  %-15s %s%s%s",
                    system.label(),
                    sweep.saturated() ? "" : "at least ",
                    Figures.rate(sweep.saturationThroughput()),
                    measurements
                            .ratioToBaseline(system)
                            .map(ratio -> " (" + Figures.ratio(ratio) + ")")
                            .orElse("")));
        }
        measurements.halfBaselineRate().ifPresent(rate -> {
            out.println("bench: at " + Figures.rate(rate) + "/s, half the baseline's saturation throughput:");
            measurements
                    .systems()
                    .forEach(system -> out.println(String.format(
                            Locale.ROOT,
                            "  %-15s %s",
                            system.label(),
                            BenchRun.describe(measurements.atHalfBaselineRate().get(system)))));
        });
        if (!measurements.overloaded().isEmpty()) {
            out.println("bench: at twice its own saturation throughput, confirmed orders/s (share of the saturation"
                    + " kept; refused with 503):");
            measurements.systems().stream()
                    .filter(system -> measurements.overloaded().containsKey(system))
                    .forEach(system -> {
                        var step = measurements.overloaded().get(system);
                        out.println(String.format(
                                Locale.ROOT,
                                "  %-15s %s of %s offered (%s %% kept); %d refused, %d without Retry-After",
                                system.label(),
                                Figures.rate(step.confirmedPerSecond()),
                                Figures.rate(step.offeredPerSecond()),
                                measurements
                                        .keptUnderOverload(system)
                                        .map(Figures::percent)
                                        .orElse("-"),
                                step.refusals().count(),
                                step.refusals().withoutRetryAfter()));
                    });
        }
        out.println("bench: invariants " + (report.invariantsHold() ? "all hold" : "VIOLATED (see above)"));
        out.println("bench: report " + written + " and its chart " + written.resolveSibling(BenchmarkMarkdown.CHART)
                + (published ? "" : " (--publish writes them to docs/)"));
    }
}
