package dev.txsuite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: where the services' runnable jars are built and the logs go. */
record RepositoryRoot(Path directory) {

    /** Walks up from the working directory (failsafe runs in the module's folder) to the reactor's root. */
    static RepositoryRoot find() {
        var start = Path.of("").toAbsolutePath();
        for (var candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (isReactorRoot(candidate)) {
                return new RepositoryRoot(candidate);
            }
        }
        throw new IllegalStateException("no parent of " + start
                + " has the root pom.xml listing <module>end-to-end-tests</module>: run the tests from the repository");
    }

    /** The Spring Boot runnable jar of a module ({@code <module>/target/<module>-<version>-exec.jar}). */
    Path execJarOf(String module) {
        var target = directory.resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file -> isExecJarOf(module, file))
                    .findFirst()
                    .orElseThrow(() -> missingJar(module, target));
        } catch (IOException e) {
            throw missingJar(module, target);
        }
    }

    Path logDirectory() {
        return directory.resolve("end-to-end-tests").resolve("target").resolve("e2e-logs");
    }

    private static boolean isExecJarOf(String module, Path file) {
        var name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
    }

    private static IllegalStateException missingJar(String module, Path target) {
        return new IllegalStateException("the runnable jar of " + module + " is missing (expected " + target
                + "/" + module + "-<version>-exec.jar): build the services first with `./mvnw -B verify`"
                + " (or `./mvnw -B package -DskipTests`) from the repository root");
    }

    private static boolean isReactorRoot(Path directory) {
        var pom = directory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<module>end-to-end-tests</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
