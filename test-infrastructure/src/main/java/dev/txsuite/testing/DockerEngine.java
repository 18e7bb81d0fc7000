package dev.txsuite.testing;

import org.testcontainers.DockerClientFactory;

/** Whether the test servers run in Docker: the same probe for {@link TestPostgres} and {@link TestKafka}. */
final class DockerEngine {

    private DockerEngine() {}

    /**
     * True when a Docker engine answers, unless the environment variable {@code optOut} is set to
     * {@code localChoice} (case-insensitive), which skips the probe and its wait on machines known to have none.
     */
    static boolean shouldUse(String optOut, String localChoice) {
        if (localChoice.equalsIgnoreCase(System.getenv(optOut))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // an unreachable or misconfigured engine means no Docker, not a failed test run
            return false;
        }
    }
}
