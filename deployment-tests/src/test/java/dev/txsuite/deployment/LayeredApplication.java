package dev.txsuite.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service's runnable jar laid out as its image holds it: split into Spring Boot's layers with the image's
 * {@code extract} command, then the layers copied over each other in the Dockerfile's order.
 */
final class LayeredApplication {

    private LayeredApplication() {}

    /** The image's working directory, rebuilt under {@code workDirectory}: what {@code ENTRYPOINT} runs in. */
    static Path extract(Path execJar, Path workDirectory) {
        var extracted = workDirectory.resolve("extracted");
        var application = workDirectory.resolve("application");
        var command = new ArrayList<>(List.of(java(), "-Djarmode=tools", "-jar", execJar.toString()));
        command.addAll(List.of(ContainerImageTests.EXTRACT_LAYERS.split(" ")));
        command.addAll(List.of("--destination", extracted.toString()));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("extracting the layers of " + execJar + " failed:\n" + output);
            }
            for (var layer : ContainerImageTests.LAYERS_IN_ORDER) {
                copyInto(extracted.resolve(layer), application);
            }
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The java of this JVM: the test runs on the JDK 25 the image's JRE matches. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyInto(Path layer, Path application) throws IOException {
        try (var files = Files.walk(layer)) {
            for (var file : files.toList()) {
                var target = application.resolve(layer.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
