package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.up.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads an {@link Activity}: the CPU of every process ({@link CpuMeter}); the HTTP requests each service served, from
 * its {@code /actuator/prometheus} ({@code http_server_requests_seconds_count}, the actuator's own left out); the
 * commits of each database ({@code pg_stat_database}), its statements ({@code pg_stat_statements}, when the server
 * loads it) and the server's WAL flushes ({@code pg_stat_wal}); the records on the broker's topics.
 *
 * <p>PostgreSQL's backends report their commits and WAL flushes up to ten seconds after they fall idle, so a reading
 * is taken {@link #SETTLE} after the systems went quiet; readings right after one another need only one such wait.
 */
final class ActivityMeter {

    /** Longer than a PostgreSQL 15 backend keeps its counts to itself once idle (PGSTAT_IDLE_INTERVAL, 10 s). */
    static final Duration SETTLE = Duration.ofSeconds(11);

    private static final Pattern HTTP_REQUESTS =
            // the labels hold braces of their own: uri="/tx/branches/{txId}/prepare"
            Pattern.compile("^http_server_requests_seconds_count\\{(?<labels>.*)} (?<count>[0-9.eE+]+)$");

    private static final String NOT_COUNTED = "^\\s*(begin|commit|rollback|start transaction|end)\\b";

    private final CpuMeter cpu;
    private final Supplier<Map<String, URI>> services;
    private final PostgresServer postgres;
    private final Map<String, String> databases;
    private final String kafka;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Optional<String> statementsMissing = Optional.empty();

    /**
     * @param services the base URL of each service whose requests are counted, by process name
     * @param databases each database the bench counts, by the name of the service that owns it
     */
    ActivityMeter(
            CpuMeter cpu,
            Supplier<Map<String, URI>> services,
            PostgresServer postgres,
            Map<String, String> databases,
            String kafkaBootstrapServers) {
        this.cpu = cpu;
        this.services = services;
        this.postgres = postgres;
        this.databases = Map.copyOf(databases);
        this.kafka = kafkaBootstrapServers;
    }

    Activity read() {
        var processes = cpu.read();
        var requests = new HashMap<String, Long>();
        services.get().forEach((name, base) -> httpRequests(base).ifPresent(count -> requests.put(name, count)));
        try (var connection = connect()) {
            return new Activity(
                    processes,
                    requests,
                    commits(connection),
                    statements(connection),
                    walFlushes(connection),
                    kafkaEvents());
        } catch (SQLException e) {
            statementsMissing = Optional.of("PostgreSQL could not be read: " + e.getMessage());
            return new Activity(processes, requests, Map.of(), Optional.empty(), OptionalLong.empty(), kafkaEvents());
        }
    }

    /** Why statements were not counted, once a reading found that they cannot be. */
    Optional<String> statementsMissing() {
        return statementsMissing;
    }

    private OptionalLong httpRequests(URI base) {
        var request = HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(requestsServed(response.body()));
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The requests a Prometheus scrape counts, those of the actuator left out. */
    static long requestsServed(Stream<String> scrape) {
        return scrape.map(HTTP_REQUESTS::matcher)
                .filter(line -> line.matches() && !line.group("labels").contains("uri=\"/actuator"))
                .mapToLong(line -> Math.round(Double.parseDouble(line.group("count"))))
                .sum();
    }

    private Map<String, Long> commits(Connection connection) throws SQLException {
        var byDatabase = new HashMap<String, Long>();
        try (var query = connection.prepareStatement(
                "SELECT datname, xact_commit FROM pg_stat_database WHERE datname = ANY (?)")) {
            query.setArray(
                    1, connection.createArrayOf("text", databases.values().toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    byDatabase.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return byOwner(byDatabase);
    }

    private Optional<Map<String, Long>> statements(Connection connection) {
        var byDatabase = new HashMap<String, Long>();
        try (var extension = connection.createStatement()) {
            extension.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (var query = connection.prepareStatement("""
                    SELECT d.datname, sum(s.calls)::bigint
                    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = ANY (?) AND s.query !~* ?
                    GROUP BY d.datname""")) {
                query.setArray(
                        1, connection.createArrayOf("text", databases.values().toArray()));
                query.setString(2, NOT_COUNTED);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        byDatabase.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return Optional.of(byOwner(byDatabase));
        } catch (SQLException e) {
            statementsMissing = Optional.of(
                    "SQL statements are not counted: " + e.getMessage().strip()
                            + " (ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', then restart PostgreSQL)");
            return Optional.empty();
        }
    }

    private static OptionalLong walFlushes(Connection connection) {
        try (var query = connection.createStatement();
                var rows = query.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    private OptionalLong kafkaEvents() {
        var settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (var admin = Admin.create(settings)) {
            var topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(ActivityMeter::partitionsOf)
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
            return OptionalLong.of(
                    ends.values().stream().mapToLong(end -> end.offset()).sum());
        } catch (ExecutionException | TimeoutException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static Stream<TopicPartition> partitionsOf(TopicDescription topic) {
        return topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition()));
    }

    private Map<String, Long> byOwner(Map<String, Long> byDatabase) {
        var byOwner = new HashMap<String, Long>();
        databases.forEach((owner, database) -> {
            var count = byDatabase.get(database);
            if (count != null) {
                byOwner.put(owner, count);
            }
        });
        return byOwner;
    }

    private Connection connect() throws SQLException {
        var login = postgres.loginTo("postgres");
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(login.jdbcUrl(), login.username(), login.password());
    }
}
