package dev.txsuite.launcher.process;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Something the launcher runs as one {@link ChildProcess} (the Kafka broker, a service): stopping it and
 * watching it end are the child process's, whatever it runs.
 */
public interface RunsAsChildProcess {

    ChildProcess process();

    default void stop() {
        process().stop();
    }

    default boolean isRunning() {
        return process().isRunning();
    }

    default Optional<ProcessHandle> handle() {
        return process().handle();
    }

    default CompletableFuture<?> onExit() {
        return process().onExit();
    }
}
