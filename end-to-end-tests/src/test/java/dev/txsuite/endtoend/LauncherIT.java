package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.process.ChildProcess;
import dev.txsuite.launcher.process.LocalPorts;
import dev.txsuite.testing.TestDatabase;
import dev.txsuite.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./suite up} as a user runs it: the launcher's jar in a process of its own starts Kafka and the five
 * services; an order placed through the gateway shows up on the topics; Ctrl-C (SIGTERM, the same shutdown
 * hook) leaves none of the processes it started behind.
 */
class LauncherIT {

    private static final Duration STARTS_WITHIN = Duration.ofSeconds(240);
    private static final Duration EVENTS_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void shouldStartTheSuiteCarryAnOrderToKafkaAndLeaveNothingRunningAfterCtrlC() throws Exception {
        var root = RepositoryRoot.find();
        var server = PostgresAddress.of(TestPostgres.createDatabase("launcher"));
        var databasePrefix = "launcher_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        var ports = LocalPorts.freePorts(7);
        var output = home.resolve("launcher.out");
        var launcher = startLauncher(root, server, databasePrefix, ports, output);
        var started = new ArrayList<ProcessHandle>();
        try {
            await("the launcher reports the suite running")
                    .atMost(STARTS_WITHIN)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (!launcher.isAlive()) {
                            throw new AssertionError(
                                    "the launcher exited with " + launcher.exitValue() + ":\n" + read(output));
                        }
                        return read(output).contains("The suite is running");
                    });
            launcher.toHandle().descendants().forEach(started::add);
            assertThat(started).as("kafka and the five services").hasSize(6);

            var gateway = new GatewayClient(URI.create("http://127.0.0.1:" + ports.get(0)));
            var placed = gateway.placeOrder(OrderRequest.of("alice", 1, "MUG-CERAMIC"));
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            // checked after the shutdown, so that events not yet produced do not hide a process left behind
            var eventsFailure =
                    eventsOf("127.0.0.1:" + ports.get(5), placed.text("orderId"), placed.text("transactionId"));

            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS))
                    .as("the launcher stops within a minute:\n%s", read(output))
                    .isTrue();
            assertThat(started)
                    .as("processes the launcher started, after it stopped")
                    .noneMatch(ProcessHandle::isAlive);
            assertThat(read(output)).contains("stopped.");
            if (eventsFailure != null) {
                throw eventsFailure;
            }
        } finally {
            launcher.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
            server.dropDatabasesStartingWith(databasePrefix);
        }
    }

    private static Process startLauncher(
            RepositoryRoot root, PostgresAddress server, String databasePrefix, List<Integer> ports, Path output)
            throws IOException {
        var command = List.of(
                ChildProcess.javaOfThisJvm(),
                "-jar",
                launcherJar(root).toString(),
                "up",
                "--gateway-port=" + ports.get(0),
                "--order-port=" + ports.get(1),
                "--inventory-port=" + ports.get(2),
                "--payment-port=" + ports.get(3),
                "--coordinator-port=" + ports.get(4),
                "--kafka-port=" + ports.get(5),
                "--kafka-controller-port=" + ports.get(6),
                "--database-prefix=" + databasePrefix);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment()
                .putAll(Map.of(
                        "SUITE_ROOT", root.directory().toString(),
                        "SUITE_HOME", output.getParent().toString(),
                        "PGHOST", server.host(),
                        "PGPORT", String.valueOf(server.port()),
                        "PGUSER", server.username(),
                        "PGPASSWORD", server.password()));
        return builder.start();
    }

    /** Waits for the order's events; returns what went wrong instead of throwing it. */
    private static AssertionError eventsOf(String bootstrapServers, String orderId, String transactionId) {
        var seen = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "launcher-it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        1000),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("tx.events", "order.events"));
            await("order " + orderId + " confirmed on order.events and transaction " + transactionId + " on tx.events")
                    .atMost(EVENTS_WITHIN)
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                        return seen.stream().anyMatch(record -> isConfirmation(record, orderId))
                                && seen.stream().anyMatch(record -> isAbout(record, "tx.events", transactionId));
                    });
            var confirmed = seen.stream()
                    .filter(record -> isConfirmation(record, orderId))
                    .toList();
            assertThat(confirmed).as("one confirmation of %s", orderId).hasSize(1);
            assertThat(header(confirmed.getFirst(), "ce_specversion")).isEqualTo("1.0");
            assertThat(header(confirmed.getFirst(), "ce_id")).isNotBlank();
            assertThat(header(confirmed.getFirst(), "content-type")).startsWith("application/json");
            assertThat(confirmed.getFirst().value()).contains(orderId);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return new AssertionError(
                    "events of order " + orderId + " (tx " + transactionId + "); seen: " + describe(seen), e);
        }
    }

    private static boolean isConfirmation(ConsumerRecord<String, String> record, String orderId) {
        return isAbout(record, "order.events", orderId)
                && "dev.txsuite.order.confirmed.v1".equals(header(record, "ce_type"));
    }

    private static boolean isAbout(ConsumerRecord<String, String> record, String topic, String id) {
        return record.topic().equals(topic) && (id.equals(record.key()) || id.equals(header(record, "ce_subject")));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> describe(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(record -> record.topic() + "/" + record.key() + "/" + header(record, "ce_type"))
                .toList();
    }

    private static Path launcherJar(RepositoryRoot root) throws IOException {
        var target = root.directory().resolve("suite-launcher").resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file ->
                            file.getFileName().toString().matches("suite-launcher-[^-]+(-SNAPSHOT)?-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no launcher jar in " + target + ": ./mvnw -B -pl suite-launcher package first"));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** The server a test database lives on, so that the launcher can create its own databases there. */
    private record PostgresAddress(String host, int port, String username, String password) {

        static PostgresAddress of(TestDatabase database) {
            var uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            return new PostgresAddress(uri.getHost(), uri.getPort(), database.username(), database.password());
        }

        void dropDatabasesStartingWith(String prefix) {
            var url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
            try (var connection = DriverManager.getConnection(url, username, password);
                    var statement = connection.createStatement()) {
                for (var database : List.of("orders", "inventory", "payments", "coordinator")) {
                    statement.execute("DROP DATABASE IF EXISTS " + prefix + database + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("could not drop the launcher's databases " + prefix + "*: " + e.getMessage());
            }
        }
    }
}
