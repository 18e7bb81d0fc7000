package dev.txsuite.launcher.load;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.up.BuildMissingJars;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * One Gatling run in a JVM of its own, from the load-tests module's jar and its dependencies in
 * {@code load-tests/target/lib} (built once, then offline): its progress goes to the console as Gatling prints
 * it, and the end of its output gives the report's path and the summary.
 */
public final class GatlingRun {

    private static final String MODULE = "load-tests";
    private static final Pattern REPORT = Pattern.compile("(file:/\\S+index\\.html)");
    private static final int KEPT_LINES = 200;
    /** What gatling-maven-plugin gives Gatling's JVM on JDK 25 (GatlingConstants of the plugin). */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xmx1G",
            "-XX:MaxInlineLevel=20",
            "-XX:MaxTrivialSize=12",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");

    private final RepositoryRoot root;
    private final Path resultsFolder;
    private final PrintStream out;

    /** @param resultsFolder where Gatling writes each run's report, in a folder of its own */
    public GatlingRun(RepositoryRoot root, Path resultsFolder, PrintStream out) {
        this.root = root;
        this.resultsFolder = resultsFolder;
        this.out = out;
    }

    /** What Gatling said: its exit code (2 when an assertion failed), the report and the numbers. */
    public record Result(int exitCode, Optional<Path> report, Optional<LoadSummary> summary) {}

    /** Builds the load-tests jar first when it is missing (the first time, online). */
    public void buildIfMissing(Path buildLog) {
        if (!Files.isDirectory(libraries()) || jar().isEmpty()) {
            new BuildMissingJars(root, buildLog, out).build(List.of(MODULE));
        }
    }

    /** Builds the load-tests jar when it is missing or was built before this simulation was added to it. */
    public void buildIfMissing(Path buildLog, String simulationClass) {
        if (!Files.isDirectory(libraries())
                || jar().filter(jar -> holds(jar, simulationClass)).isEmpty()) {
            new BuildMissingJars(root, buildLog, out).build(List.of(MODULE));
        }
    }

    /** Runs the simulation {@code ./suite load} was asked for, its output on the console. */
    public Result run(LoadOptions options) {
        return run(options.simulation().className(), options.settings(), options.description(), out::println);
    }

    /**
     * Runs a simulation of the load-tests module with these system properties; each line Gatling prints goes to
     * {@code eachLine} as it comes.
     */
    public Result run(
            String simulationClass, Map<String, String> settings, String description, Consumer<String> eachLine) {
        var jar = jar().orElseThrow(() -> new SuiteFailure("the load tests are not built (expected "
                + target().resolve(MODULE + "-<version>.jar") + "): build them with `./mvnw -B -pl " + MODULE
                + " package` from " + root.directory()));
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of(
                "-cp",
                jar + File.pathSeparator + libraries().resolve("*"),
                "io.gatling.app.Gatling",
                "--simulation",
                simulationClass,
                "--results-folder",
                resultsFolder.toAbsolutePath().toString(),
                "--run-description",
                description,
                "--launcher",
                "txsuite"));
        return follow(command, eachLine);
    }

    private Result follow(List<String> command, Consumer<String> eachLine) {
        Process gatling;
        try {
            Files.createDirectories(resultsFolder);
            gatling = new ProcessBuilder(command)
                    .directory(root.directory().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new SuiteFailure("cannot start Gatling: " + e.getMessage());
        }
        // Ctrl-C stops the run too, by the process this run started
        var stopGatling = new Thread(gatling::destroy, "stop-gatling");
        Runtime.getRuntime().addShutdownHook(stopGatling);
        var lines = new ArrayDeque<String>();
        try (var output = new BufferedReader(new InputStreamReader(gatling.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = output.readLine(); line != null; line = output.readLine()) {
                eachLine.accept(line);
                lines.addLast(line);
                if (lines.size() > KEPT_LINES) {
                    lines.removeFirst();
                }
            }
            var exitCode = gatling.waitFor();
            var kept = List.copyOf(lines);
            return new Result(exitCode, report(kept), LoadSummary.fromConsole(kept));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow Gatling's output", e);
        } catch (InterruptedException e) {
            gatling.destroy();
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted during the load test");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopGatling);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook stops Gatling
            }
        }
    }

    private static Optional<Path> report(List<String> lines) {
        for (var line : lines.reversed()) {
            var report = REPORT.matcher(line);
            if (report.find()) {
                return Optional.of(Path.of(URI.create(report.group(1))));
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path jar, String className) {
        try (var classes = new JarFile(jar.toFile())) {
            return classes.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private Path target() {
        return root.directory().resolve(MODULE).resolve("target");
    }

    private Path libraries() {
        return target().resolve("lib");
    }

    private Optional<Path> jar() {
        var target = target();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(file -> {
                        var name = file.getFileName().toString();
                        return name.startsWith(MODULE + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar");
                    })
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }
}
