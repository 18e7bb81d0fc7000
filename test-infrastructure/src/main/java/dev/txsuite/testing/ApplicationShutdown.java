package dev.txsuite.testing;

import java.time.Duration;

/**
 * Shutdown hooks run in parallel: a hook that takes a test resource away (drops the test databases, stops the
 * broker) first waits for Spring Boot's hook to close the applications that still use it. Otherwise an
 * application closing late waits for a connection that can no longer be made, and the test JVM hangs on exit.
 */
final class ApplicationShutdown {

    private static final String SPRING_BOOT_HOOK = "SpringApplicationShutdownHook";

    private ApplicationShutdown() {}

    static void awaitApplicationsClosed() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> SPRING_BOOT_HOOK.equals(thread.getName()) && thread != Thread.currentThread())
                .forEach(ApplicationShutdown::join);
    }

    private static void join(Thread hook) {
        try {
            hook.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
