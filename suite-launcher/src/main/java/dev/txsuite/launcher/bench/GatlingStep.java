package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.load.GatlingRun;
import dev.txsuite.launcher.load.GatlingTables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the bench as one Gatling run of the load-tests module's {@code BenchmarkStep}: Gatling's whole output
 * goes to a log file, the console gets one short progress line every few seconds, and the final tables become the
 * step's {@link StepResult}.
 */
final class GatlingStep {

    static final String SIMULATION = "dev.txsuite.load.BenchmarkStep";

    private final GatlingRun gatling;
    private final Path log;
    private final PrintStream out;

    /** @param log where Gatling's output of every step is appended */
    GatlingStep(GatlingRun gatling, Path log, PrintStream out) {
        this.gatling = gatling;
        this.log = log;
        this.out = out;
    }

    /**
     * @param target the system's base URL: the baseline's, or the suite's gateway
     * @param label starts every progress line, such as {@code bench: [3/21] 2PC at 40/s}
     */
    StepResult run(BenchSystem system, URI target, double offeredPerSecond, Duration duration, String label) {
        var settings = Map.of(
                "load.baseUrl", target.toString(),
                "load.rate", String.valueOf(offeredPerSecond),
                "load.duration", duration.toSeconds() + "s",
                "load.protocol", system.protocol());
        var lines = new ArrayList<String>();
        var progress = new StepProgress();
        GatlingRun.Result result;
        try (var steps = Files.newBufferedWriter(
                Files.createDirectories(log.getParent()).resolve(log.getFileName()),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            write(steps, "=== " + label + " against " + target);
            result = gatling.run(SIMULATION, settings, label, line -> {
                lines.add(line);
                write(steps, line);
                progress.read(line).ifPresent(reached -> out.println(label + ": " + reached));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
        var measured = result.exitCode() == 0
                ? GatlingTables.fromConsole(lines)
                        .flatMap(tables -> StepResult.fromGatling(system, offeredPerSecond, tables))
                : Optional.<StepResult>empty();
        return measured.orElseThrow(() -> new SuiteFailure(label + ": Gatling ended with exit code " + result.exitCode()
                + " without its final tables; its output is in " + log));
    }

    private static void write(Writer log, String line) {
        try {
            log.write(line);
            log.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
