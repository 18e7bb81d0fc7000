package dev.txsuite.launcher.verify;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.DatabaseLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a suite runs and what it held when it started, written by {@code ./suite up} once the suite is up and
 * quiet, read by {@code ./suite verify} and {@code ./suite load}: the stock and money that must be conserved from
 * then on, and how to reach the suite's databases and broker. One file per gateway port, so that suites side by
 * side on other ports keep theirs. The password is not kept: it comes from {@code PGPASSWORD} again.
 *
 * @param databases each service's database, by the service's short name ({@code order}, ...)
 */
public record SuiteSnapshot(
        Instant takenAt,
        URI gateway,
        String kafkaBootstrapServers,
        Map<String, Database> databases,
        Map<String, Long> unitsBySku,
        Map<String, Long> centsByCustomer) {

    public record Database(String jdbcUrl, String username) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public SuiteSnapshot {
        databases = new TreeMap<>(databases);
        unitsBySku = new TreeMap<>(unitsBySku);
        centsByCustomer = new TreeMap<>(centsByCustomer);
    }

    public static SuiteSnapshot of(
            Invariants.Snapshot start,
            URI gateway,
            String kafkaBootstrapServers,
            Map<SuiteService, DatabaseLogin> logins) {
        var databases = new TreeMap<String, Database>();
        logins.forEach((service, login) ->
                databases.put(service.shortName(), new Database(login.jdbcUrl(), login.username())));
        return new SuiteSnapshot(
                Instant.now(), gateway, kafkaBootstrapServers, databases, start.unitsBySku(), start.centsByCustomer());
    }

    /** The file of the suite whose gateway listens on this port, under the suite's home ({@code .suite}). */
    public static Path fileFor(Path home, int gatewayPort) {
        return home.resolve("snapshots").resolve("gateway-" + gatewayPort + ".json");
    }

    /**
     * The snapshot of the suite {@code ./suite up} runs behind this gateway on this machine: only a local suite's
     * databases can be read.
     */
    public static SuiteSnapshot ofLocalSuite(Path home, URI gateway) {
        var host = gateway.getHost();
        if (host == null || gateway.getPort() < 0) {
            throw new SuiteFailure("the gateway must be given as http://<host>:<port>, not " + gateway);
        }
        if (!LOCAL_HOSTS.contains(host)) {
            throw new SuiteFailure("the invariants are checked in the suite's databases, known only for a suite that"
                    + " ./suite up runs on this machine, not for " + gateway);
        }
        return read(fileFor(home, gateway.getPort()));
    }

    public static SuiteSnapshot read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteFailure("no snapshot of the suite at " + file + ": ./suite up writes it when the suite has"
                    + " started; start the suite with ./suite up (on this gateway port) first");
        }
        try {
            return JSON.readValue(Files.readString(file), SuiteSnapshot.class);
        } catch (IOException | JacksonException e) {
            throw new SuiteFailure("cannot read the snapshot " + file + " (" + e.getMessage()
                    + "); restart the suite with ./suite up to write it again");
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + file, e);
        }
    }

    /** What the invariants are checked against. */
    public Invariants.Snapshot start() {
        return new Invariants.Snapshot(unitsBySku, centsByCustomer);
    }

    /** How to log in to each service's database, with the password the caller knows. */
    public Map<SuiteService, DatabaseLogin> logins(String password) {
        var logins = new EnumMap<SuiteService, DatabaseLogin>(SuiteService.class);
        databases.forEach((service, database) -> logins.put(
                SuiteService.named(service), new DatabaseLogin(database.jdbcUrl(), database.username(), password)));
        return logins;
    }
}
