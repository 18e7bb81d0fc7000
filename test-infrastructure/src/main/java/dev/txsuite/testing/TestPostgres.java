package dev.txsuite.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use: a Testcontainers PostgreSQL where a Docker engine answers, otherwise
 * the server at {@code PGHOST:PGPORT} (default 127.0.0.1:5432, user {@code PGUSER} or postgres). Either way
 * each caller gets a database of its own, so the same test code runs on a laptop with Docker and on the build
 * machines without it. Set {@code TXSUITE_TEST_POSTGRES=local} to skip the Docker probe.
 */
public final class TestPostgres {

    private static Server server;

    private static final List<String> created = new ArrayList<>();

    private TestPostgres() {}

    /** Creates an empty database named {@code prefix_<random>} and returns how to reach it. */
    public static TestDatabase createDatabase(String prefix) {
        var server = server();
        var name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (var connection = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            remember(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create test database " + name + " on " + server.description() + ": " + e.getMessage()
                            + server.hint(),
                    e);
        }
        return new TestDatabase(name, server.urlOf(name), server.username(), server.password());
    }

    /** Drops a database made by {@link #createDatabase}, once nothing uses it any more. */
    public static synchronized void dropDatabase(TestDatabase database) {
        drop(List.of(database.name()));
        created.remove(database.name());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = DockerEngine.shouldUse("TXSUITE_TEST_POSTGRES", "local") ? containerServer() : localServer();
            ApplicationShutdown.afterApplicationsClosed(TestPostgres::dropCreatedDatabases);
        }
        return server;
    }

    private static synchronized void remember(String database) {
        created.add(database);
    }

    /**
     * A shared server outlives the tests: leave it as it was found. Set TXSUITE_KEEP_TEST_DATABASES=true to look.
     * The databases of Spring contexts are dropped when their context closes ({@link FreshDatabaseConfiguration});
     * this drops the rest.
     */
    private static void dropCreatedDatabases() {
        synchronized (TestPostgres.class) {
            drop(List.copyOf(created));
        }
    }

    private static void drop(List<String> databases) {
        if (databases.isEmpty() || "true".equalsIgnoreCase(System.getenv("TXSUITE_KEEP_TEST_DATABASES"))) {
            return;
        }
        try (var connection = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
                var statement = connection.createStatement()) {
            for (var database : databases) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test databases " + databases + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static Server containerServer() {
        var container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        var base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new Server(base, container.getUsername(), container.getPassword(), "a Testcontainers PostgreSQL", "");
    }

    private static Server localServer() {
        var host = env("PGHOST", "127.0.0.1");
        var port = env("PGPORT", "5432");
        var base = "jdbc:postgresql://" + host + ":" + port + "/";
        return new Server(
                base,
                env("PGUSER", "postgres"),
                env("PGPASSWORD", ""),
                "the PostgreSQL at " + host + ":" + port,
                " (start a local PostgreSQL, or set PGHOST/PGPORT/PGUSER/PGPASSWORD, or run with a Docker engine)");
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** @param hint what to do when the server cannot be used, appended to the error */
    private record Server(String baseUrl, String username, String password, String description, String hint) {

        String adminUrl() {
            return baseUrl + "postgres";
        }

        String urlOf(String database) {
            return baseUrl + database;
        }
    }
}
