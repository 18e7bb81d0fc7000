package dev.txsuite.launcher.process;

import dev.txsuite.launcher.SuiteFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One OS process this JVM started, with its output appended to a log file of its own. Stopping asks first
 * (SIGTERM, so Spring and Kafka shut down cleanly) and kills only after a grace period; either way by the
 * process id this object holds, never by name.
 */
public final class ChildProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(appendTo(log));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " with " + command, e);
        }
    }

    /** Asks the process to shut down without waiting, so that several can shut down side by side. */
    public synchronized void requestStop() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for a stop asked for, and kills the process if it has not exited after the grace period. */
    public synchronized void awaitExit() {
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

    public void stop() {
        requestStop();
        awaitExit();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The running process, for its pid and to notice when it ends. */
    public synchronized Optional<ProcessHandle> handle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    /** Completes when the current run ends (at once when nothing runs). */
    public synchronized CompletableFuture<?> onExit() {
        return process == null ? CompletableFuture.completedFuture(null) : process.onExit();
    }

    /** How the last run ended, for messages: "exited with code 1". */
    public synchronized String exitDescription() {
        if (process == null) {
            return "was not started";
        }
        return process.isAlive() ? "is running" : "exited with code " + process.exitValue();
    }

    /**
     * Asks {@code isReady} every half second until it says yes. Fails, quoting the end of the log, when the
     * process ends first or {@code timeout} passes; {@code readyAt} says where it should answer, for that message.
     */
    public void awaitReady(BooleanSupplier isReady, Duration timeout, String readyAt) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady.getAsBoolean()) {
            if (!isRunning()) {
                throw failure(name + " " + exitDescription() + " before it was ready on " + readyAt);
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " was not ready on " + readyAt + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    /** A failure of this process: {@code what} went wrong, followed by the end of its log. */
    public SuiteFailure failure(String what) {
        return new SuiteFailure(what + "; the end of " + log + ":\n" + logTail());
    }

    public String logTail() {
        try {
            var all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The java of this JVM, so that every process runs on the JDK the launcher was started with. */
    public static String javaOfThisJvm() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted while waiting for " + name);
        }
    }

    private ProcessBuilder.Redirect appendTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log file " + file, e);
        }
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }
}
