package dev.txsuite.testing;

import org.springframework.boot.SpringApplication;

/**
 * Takes a test resource away (drops the test databases, stops the broker) only after Spring Boot has closed the
 * applications that still use it. Otherwise an application closing late waits for a connection that can no longer
 * be made, and the test JVM hangs on exit.
 *
 * <p>Spring Boot's own shutdown hook runs its handlers after it closed every application context, and adding one
 * registers that hook if no application did. A JVM shutdown hook of our own would run in parallel with Boot's,
 * and cannot even wait for it reliably: the JVM starts the hooks one after another, so ours may look before
 * Boot's has started.
 */
final class ApplicationShutdown {

    private ApplicationShutdown() {}

    static void afterApplicationsClosed(Runnable action) {
        SpringApplication.getShutdownHandlers().add(action);
    }
}
