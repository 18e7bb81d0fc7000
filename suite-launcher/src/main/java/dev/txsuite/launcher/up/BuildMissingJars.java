package dev.txsuite.launcher.up;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the runnable jars that are not there yet with the Maven wrapper, showing one line per module as
 * Maven reaches it; the full output goes to a log file.
 */
public final class BuildMissingJars {

    private static final Pattern MODULE_STARTED = Pattern.compile("\\[INFO] Building (\\S+) \\S+\\s+\\[(\\d+/\\d+)]");
    private static final int ERROR_LINES = 25;

    private final RepositoryRoot root;
    private final Path buildLog;
    private final PrintStream out;

    public BuildMissingJars(RepositoryRoot root, Path buildLog, PrintStream out) {
        this.root = root;
        this.buildLog = buildLog;
        this.out = out;
    }

    void buildIfMissing(Collection<SuiteService> services) {
        var missing = services.stream()
                .map(SuiteService::module)
                .filter(module -> root.findExecJar(module).isEmpty())
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            build(missing);
        }
    }

    /** Packages these modules (and what they need) without their tests. */
    public void build(List<String> modules) {
        var command = List.of(
                root.directory().resolve("mvnw").toString(),
                "-B",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-pl",
                String.join(",", modules),
                "-am");
        out.println("building " + String.join(", ", modules) + " (" + String.join(" ", command.subList(1, 4))
                + " ...; the first build downloads dependencies; full output in " + buildLog + ")");
        var errors = run(command);
        if (!errors.isEmpty()) {
            throw new SuiteFailure("the build failed:\n" + String.join("\n", errors) + "\n  see " + buildLog);
        }
    }

    /** Runs the build; returns its error lines when it fails, nothing when it succeeds. */
    private List<String> run(List<String> command) {
        var errors = new ArrayList<String>();
        Process build;
        try {
            Files.createDirectories(buildLog.getParent());
            build = new ProcessBuilder(command)
                    .directory(root.directory().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new SuiteFailure("cannot run " + command.getFirst() + ": " + e.getMessage());
        }
        // Ctrl-C during the build must not leave Maven running
        var stopBuild = new Thread(build::destroy, "stop-the-build");
        Runtime.getRuntime().addShutdownHook(stopBuild);
        try (var output = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8));
                var log = Files.newBufferedWriter(buildLog, StandardCharsets.UTF_8)) {
            for (var line = output.readLine(); line != null; line = output.readLine()) {
                log.write(line);
                log.newLine();
                var started = MODULE_STARTED.matcher(line);
                if (started.find()) {
                    out.println("  [" + started.group(2) + "] " + started.group(1));
                } else if (line.startsWith("[ERROR]") && errors.size() < ERROR_LINES) {
                    errors.add(line);
                }
            }
            if (build.waitFor() == 0) {
                return List.of();
            }
            return errors.isEmpty() ? List.of("(no [ERROR] line; exit code " + build.exitValue() + ")") : errors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow the build", e);
        } catch (InterruptedException e) {
            build.destroy();
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted during the build");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopBuild);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook stops the build
            }
        }
    }
}
