package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.process.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * baseline-service run beside the bench's suite, as {@code ./suite up} runs a service: its runnable jar in a process
 * of its own with the same JVM settings, on its own port and database, publishing its events to the suite's broker
 * as the services do. Stopped by {@link #close()}, or by a shutdown hook when the JVM ends first (Ctrl-C).
 */
final class BaselineService implements AutoCloseable {

    static final String MODULE = "baseline-service";
    static final String DATABASE = "baseline";

    private final ServiceProcess process;
    private final Thread stopOnExit;

    BaselineService(
            RepositoryRoot root,
            int port,
            DatabaseLogin database,
            String kafkaBootstrapServers,
            Path log,
            List<String> jvmOptions) {
        this.process = new ServiceProcess(
                "baseline",
                root.execJarOf(MODULE),
                port,
                Map.of(
                        "SERVER_PORT", String.valueOf(port),
                        "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", database.username(),
                        "SPRING_DATASOURCE_PASSWORD", database.password(),
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                        "SPRING_OUTPUT_ANSI_ENABLED", "never"),
                log,
                jvmOptions);
        this.stopOnExit = new Thread(process::stop, "stop-the-baseline");
    }

    /** Starts it and returns once its readiness probe answers; stops it again if it never does. */
    BaselineService start() {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            process.launch();
            process.awaitReady(ServiceProcess.READINESS_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** The running process, for the CPU it uses. */
    Optional<ProcessHandle> handle() {
        return process.handle();
    }

    URI baseUri() {
        return process.baseUri();
    }

    @Override
    public void close() {
        process.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }
}
