package dev.txsuite.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Renders a kustomization as {@code kubectl apply -k} would: with {@code kustomize build}, or with
 * {@code kubectl kustomize} when its built-in kustomize is v4 or newer (kubectl 1.21+). Debian bookworm's own
 * kubectl (1.20) embeds kustomize v2, which cannot read these kustomizations; .ci/run installs Debian's
 * {@code kustomize} package where neither is found.
 */
final class Kustomize {

    private static final Pattern KUBECTL_KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    static Kustomize find() {
        if (onPath("kustomize").isPresent()) {
            return new Kustomize(List.of("kustomize", "build"));
        }
        if (onPath("kubectl").isPresent()) {
            var version = KUBECTL_KUSTOMIZE_VERSION.matcher(
                    run(List.of("kubectl", "version", "--client")).output());
            if (version.find() && Integer.parseInt(version.group(1)) >= 4) {
                return new Kustomize(List.of("kubectl", "kustomize"));
            }
        }
        throw new IllegalStateException("neither kustomize nor kubectl 1.21+ (with kustomize v4+) is on the PATH, so"
                + " the k8s/ overlays cannot be rendered: install kustomize (Debian: apt-get install kustomize, from"
                + " trixie on bookworm; .ci/run does it) or a current kubectl");
    }

    /** Every resource the kustomization at {@code directory} renders. */
    Manifests render(Path directory) {
        var arguments = new ArrayList<>(command);
        arguments.add(directory.toString());
        var result = run(arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    String.join(" ", arguments) + " failed (exit code " + result.exitCode() + "):\n" + result.errors());
        }
        return new Manifests(Yaml.documents(result.output()));
    }

    String description() {
        return String.join(" ", command);
    }

    private record Result(int exitCode, String output, String errors) {}

    private static Result run(List<String> arguments) {
        try {
            var errors = Files.createTempFile("kustomize", ".err");
            try {
                var process = new ProcessBuilder(arguments)
                        .redirectError(errors.toFile())
                        .start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", arguments) + " did not finish within 60 s");
                }
                return new Result(process.exitValue(), output, Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + arguments, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + arguments, e);
        }
    }

    private static Optional<Path> onPath(String program) {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var directory : path.split(File.pathSeparator)) {
            var candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
