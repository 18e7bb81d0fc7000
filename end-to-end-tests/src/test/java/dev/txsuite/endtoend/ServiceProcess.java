package dev.txsuite.endtoend;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One service running as a separate OS process from its runnable jar, on the same JDK as the tests, with its
 * output in a log file of its own. It can be stopped and started again on the same port and database, which
 * is how the tests take a participant or the coordinator down.
 */
final class ServiceProcess {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 60;

    // small heaps and C1 only: five JVMs share a 2-core build machine with the tests
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    String name() {
        return name;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        var command = new ArrayList<String>();
        command.add(javaOfThisJvm());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appendTo(log));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with " + command, e);
        }
    }

    /** Waits until the readiness probe answers 200; fails with the end of the log if it never does. */
    void awaitReady() {
        try {
            await(name + " ready on " + baseUri())
                    .atMost(READINESS_TIMEOUT)
                    .pollDelay(Duration.ofMillis(500))
                    .pollInterval(Duration.ofMillis(500))
                    .until(this::answersReady);
        } catch (ConditionTimeoutException | ProcessExitedException e) {
            throw new AssertionError(
                    name + " did not become ready on " + baseUri() + ": " + e.getMessage() + "\n--- last "
                            + LOG_TAIL_LINES + " lines of " + log + " ---\n" + logTail(),
                    e);
        }
    }

    /** Asks the process to shut down, and kills it if it has not done so after a grace period. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit();
    }

    /** The asynchronous half of {@link #stop()}, so that several services can shut down at once. */
    synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    synchronized void awaitExit() {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    String logTail() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private boolean answersReady() throws InterruptedException {
        var running = process;
        if (running == null || !running.isAlive()) {
            throw new ProcessExitedException(name + " exited"
                    + (running == null ? "" : " with code " + running.exitValue()) + " before it was ready");
        }
        var request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private ProcessBuilder.Redirect appendTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "=== " + Instant.now() + " starting " + name + " on port " + port + " from " + jar + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log file " + file, e);
        }
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    private static String javaOfThisJvm() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static final class ProcessExitedException extends RuntimeException {
        ProcessExitedException(String message) {
            super(message);
        }
    }
}
