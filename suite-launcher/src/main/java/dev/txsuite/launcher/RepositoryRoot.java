package dev.txsuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The checkout the suite runs from: where the services' runnable jars and the Kafka jars are built. */
public record RepositoryRoot(Path directory) {

    /** {@code SUITE_ROOT} when the {@code suite} script sets it, else the first parent of the working directory with the root pom. */
    public static RepositoryRoot find() {
        var fromScript = System.getenv("SUITE_ROOT");
        if (fromScript != null && !fromScript.isBlank() && isReactorRoot(Path.of(fromScript))) {
            return new RepositoryRoot(Path.of(fromScript).toAbsolutePath());
        }
        var start = Path.of("").toAbsolutePath();
        for (var candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (isReactorRoot(candidate)) {
                return new RepositoryRoot(candidate);
            }
        }
        throw new SuiteFailure("no parent of " + start
                + " has the root pom.xml listing <module>suite-launcher</module>: run from the repository");
    }

    /** The Spring Boot runnable jar of a module ({@code <module>/target/<module>-<version>-exec.jar}), if built. */
    public Optional<Path> findExecJar(String module) {
        var target = directory.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (var files = Files.list(target)) {
            return files.filter(file -> isExecJarOf(module, file)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    public Path execJarOf(String module) {
        return findExecJar(module)
                .orElseThrow(() -> new SuiteFailure("the runnable jar of " + module + " is missing (expected "
                        + directory.resolve(module).resolve("target") + "/" + module + "-<version>-exec.jar):"
                        + " build the services first with `./mvnw -B package -DskipTests` from " + directory));
    }

    /** The jars the launcher runs with, Kafka's among them: the broker's class path. */
    public Path launcherLibraries() {
        var lib = directory.resolve("suite-launcher").resolve("target").resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new SuiteFailure("the Kafka jars are missing (expected " + lib
                    + "): build them with `./mvnw -B -pl suite-launcher package -DskipTests` from " + directory);
        }
        return lib;
    }

    private static boolean isExecJarOf(String module, Path file) {
        var name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
    }

    private static boolean isReactorRoot(Path directory) {
        var pom = directory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<module>suite-launcher</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
