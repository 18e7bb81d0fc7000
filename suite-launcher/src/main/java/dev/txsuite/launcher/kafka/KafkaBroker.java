package dev.txsuite.launcher.kafka;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.process.ChildProcess;
import dev.txsuite.launcher.process.JvmOptions;
import dev.txsuite.launcher.process.LocalPorts;
import dev.txsuite.launcher.process.RunsAsChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (one node that is broker and controller), run as a child process from
 * the Kafka jars on the launcher's own class path: {@code java -cp <lib>/* kafka.Kafka server.properties}.
 * Its data stays in {@code <dataDirectory>/data} and is reused by the next start; the storage is formatted
 * only the first time.
 */
public final class KafkaBroker implements RunsAsChildProcess {

    public static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private final Path libraries;
    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final List<String> jvmOptions;
    private final ChildProcess process;

    /**
     * @param libraries the folder of jars Kafka runs from (the launcher's {@code target/lib})
     * @param log where the broker's output goes
     * @param jvmOptions what the broker's JVM runs with ({@link JvmOptions#kafka()})
     */
    public KafkaBroker(
            Path libraries, Path dataDirectory, int port, int controllerPort, Path log, List<String> jvmOptions) {
        this.libraries = libraries.toAbsolutePath();
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.process = new ChildProcess(
                "kafka", command("kafka.Kafka", serverProperties().toString()), Map.of(), log);
    }

    /** Deletes a broker's data directory, if there is one, so that the next broker starts with no topic at all. */
    public static void deleteData(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (var files = Files.walk(dataDirectory)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dataDirectory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    /** Formats the storage if this data directory has never held a broker, then starts the broker. */
    public void start() {
        requireFree(port, "the Kafka broker");
        requireFree(controllerPort, "the Kafka controller");
        writeConfiguration();
        if (!isFormatted()) {
            format();
        }
        process.launch();
    }

    /** Waits until the broker answers a describe-cluster request; fails with the end of its log otherwise. */
    public void awaitReady(Duration timeout) {
        try (var admin = Admin.create(adminProperties())) {
            process.awaitReady(() -> answers(admin), timeout, bootstrapServers());
        }
    }

    private Path serverProperties() {
        return dataDirectory.resolve("server.properties");
    }

    private Path logDirectory() {
        return dataDirectory.resolve("data");
    }

    private boolean isFormatted() {
        return Files.isRegularFile(logDirectory().resolve("meta.properties"));
    }

    private List<String> command(String mainClass, String... arguments) {
        var command = new ArrayList<String>();
        command.add(ChildProcess.javaOfThisJvm());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + dataDirectory.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(libraries.resolve("*").toString());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * A static quorum ({@code controller.quorum.voters}) rather than {@code format --standalone}: the
     * standalone format stores the controller's address in the metadata log, so the data could not be reused
     * once the controller port changes; the static voter list is read from this file at every start.
     */
    private void writeConfiguration() {
        var settings = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDirectory());
        var logging = """
                appender.out.type=Console
                appender.out.name=out
                appender.out.layout.type=PatternLayout
                appender.out.layout.pattern=[%d] %p %m (%c)%n
                rootLogger.level=INFO
                rootLogger.appenderRef.out.ref=out
                logger.kafka-request.name=kafka.request.logger
                logger.kafka-request.level=WARN
                logger.state-change.name=state.change.logger
                logger.state-change.level=WARN
                """;
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(serverProperties(), settings);
            Files.writeString(dataDirectory.resolve("log4j2.properties"), logging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka configuration in " + dataDirectory, e);
        }
    }

    private void format() {
        var clusterId = Uuid.randomUuid().toString();
        var formatting = new ChildProcess(
                "kafka-storage-format",
                command(
                        "kafka.tools.StorageTool",
                        "format",
                        "--cluster-id",
                        clusterId,
                        "--config",
                        serverProperties().toString()),
                Map.of(),
                log);
        formatting.launch();
        try {
            formatting.onExit().get(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!isFormatted()) {
                throw new SuiteFailure("formatting the Kafka storage in " + logDirectory() + " failed; the end of "
                        + log + ":\n" + formatting.logTail());
            }
        } catch (TimeoutException e) {
            formatting.stop();
            throw new SuiteFailure(
                    "formatting the Kafka storage took longer than " + FORMAT_TIMEOUT.toSeconds() + " s; see " + log);
        } catch (ExecutionException e) {
            throw new SuiteFailure(
                    "cannot format the Kafka storage: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            formatting.stop();
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted while formatting the Kafka storage");
        }
    }

    private Properties adminProperties() {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return properties;
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | KafkaException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted while waiting for the Kafka broker");
        }
    }

    private static void requireFree(int port, String what) {
        if (!LocalPorts.isFree(port)) {
            throw new SuiteFailure("port " + port + " for " + what + " is already taken; free it or choose another");
        }
    }
}
