package dev.txsuite.endtoend;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.kafka.KafkaBroker;
import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.process.JvmOptions;
import dev.txsuite.launcher.process.LocalPorts;
import dev.txsuite.launcher.process.RunningSuite;
import dev.txsuite.launcher.process.ServiceLineup;
import dev.txsuite.testing.TestDatabase;
import dev.txsuite.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole suite the way a user runs it, through the launcher's own code: a Kafka broker in a temporary
 * data folder and the five services as real processes, on fresh databases and free ports. Close it to stop
 * them all; a shutdown hook does the same if the test JVM ends first, so no process outlives a run.
 */
final class EndToEndSuite implements AutoCloseable {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);

    /** As {@code ./suite up} runs them: C1 only, ready fast; the tests prove behaviour, not speed. */
    private static final JvmOptions JVM = JvmOptions.quickStart(System.getenv());

    private final RunningSuite suite;
    private final Map<SuiteService, TestDatabase> databases;
    private final Map<SuiteService, DatabaseLogin> logins;
    private final Path kafkaData;
    private final Set<String> paused = new HashSet<>();

    private EndToEndSuite(
            RunningSuite suite,
            Map<SuiteService, TestDatabase> databases,
            Map<SuiteService, DatabaseLogin> logins,
            Path kafkaData) {
        this.suite = suite;
        this.databases = databases;
        this.logins = Map.copyOf(logins);
        this.kafkaData = kafkaData;
    }

    /** Starts the broker, then all five services at once, and returns when every one of them is ready. */
    static EndToEndSuite start() {
        return start(Map.of());
    }

    /**
     * As {@link #start()}, with more settings (environment variables) for every service, such as those that
     * enable fault injection.
     */
    static EndToEndSuite start(Map<String, String> moreSettings) {
        return start(moreSettings, 1);
    }

    /**
     * As {@link #start(Map)}, with {@code coordinators} tx-coordinator instances on the one coordinator database,
     * named {@code coordinator-1}, {@code coordinator-2}, ... when there are several (as {@code ./suite up
     * --coordinators n} runs them). The other services know only the first.
     */
    static EndToEndSuite start(Map<String, String> moreSettings, int coordinators) {
        var root = RepositoryRoot.find();
        var databases = new EnumMap<SuiteService, TestDatabase>(SuiteService.class);
        var logins = new EnumMap<SuiteService, DatabaseLogin>(SuiteService.class);
        for (var service : SuiteService.values()) {
            if (service.ownsDatabase()) {
                var database = TestPostgres.createDatabase(service.database());
                databases.put(service, database);
                logins.put(service, new DatabaseLogin(database.jdbcUrl(), database.username(), database.password()));
            }
        }
        var free = LocalPorts.freePorts(SuiteService.values().length + 2);
        var ports = new EnumMap<SuiteService, Integer>(SuiteService.class);
        for (var service : SuiteService.values()) {
            ports.put(service, free.get(service.ordinal()));
        }
        if (coordinators > 1) {
            ports.put(SuiteService.COORDINATOR, consecutiveFreePorts(coordinators, free));
        }
        var logs = freshLogDirectory(root);
        var kafkaData = temporaryFolder();
        var broker = new KafkaBroker(
                root.launcherLibraries(),
                kafkaData,
                free.get(free.size() - 2),
                free.getLast(),
                logs.resolve("kafka.log"),
                JVM.kafka());
        var settings = new HashMap<>(SETTINGS);
        settings.putAll(moreSettings);
        var lineup = new ServiceLineup(
                root,
                ports,
                coordinators,
                EnumSet.allOf(SuiteService.class),
                logins,
                broker.bootstrapServers(),
                logs,
                settings,
                JVM.services());
        var suite = new RunningSuite(broker, lineup.processes()).start(READINESS_TIMEOUT, System.out::println);
        return new EndToEndSuite(suite, databases, logins, kafkaData);
    }

    /**
     * These tests prove atomicity and conservation, not latency: five services, Kafka and the test share two cores,
     * so the vote deadline and the answers' deadlines are generous enough that contention never turns into a
     * VOTE_TIMEOUT (a correct 503, but not the outcome the scenarios assert).
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "TXSUITE_ORDERS_VOTETIMEOUT", "10s",
            "TXSUITE_ORDERS_REQUESTDEADLINE", "25s",
            "GATEWAY_RESPONSE_TIMEOUT", "40s");

    URI gatewayUri() {
        return suite.service(SuiteService.GATEWAY.shortName()).baseUri();
    }

    /** The service's own address, behind the gateway: for its internal endpoints such as {@code /tx/faults}. */
    URI uriOf(SuiteService service) {
        return suite.service(service.shortName()).baseUri();
    }

    /** The processes themselves, for what kills and restarts them (the chaos run). */
    RunningSuite running() {
        return suite;
    }

    /** The address of one instance by its name, such as {@code coordinator-2} in a suite of several coordinators. */
    URI uriOf(String instance) {
        return suite.service(instance).baseUri();
    }

    /** The log file of one service instance ({@code order}, {@code coordinator-1}, ...). */
    Path logOf(String instance) {
        return suite.service(instance).log();
    }

    /**
     * Freezes an instance with SIGSTOP, as a long GC pause or a stalled VM would: it keeps its sockets and
     * database sessions but does nothing, not even renew its leases, until {@link #resume}.
     */
    void pause(String instance) {
        signal(instance, "-STOP");
        paused.add(instance);
    }

    /** Lets a paused instance go on (SIGCONT) from where it stood. */
    void resume(String instance) {
        signal(instance, "-CONT");
        paused.remove(instance);
    }

    boolean isRunning(SuiteService service) {
        return suite.service(service.shortName()).isRunning();
    }

    String kafkaBootstrapServers() {
        return suite.broker().bootstrapServers();
    }

    /** How the services log in to their databases, as the launcher's checks read them. */
    Map<SuiteService, DatabaseLogin> logins() {
        return logins;
    }

    TestDatabase database(SuiteService service) {
        var database = databases.get(service);
        if (database == null) {
            throw new IllegalArgumentException(service + " owns no database");
        }
        return database;
    }

    void stop(SuiteService service) {
        suite.stop(service.shortName());
    }

    /** Starts a stopped service again, on its port and database, and waits until it is ready. */
    void restart(SuiteService service) {
        suite.restart(service.shortName(), READINESS_TIMEOUT);
    }

    @Override
    public void close() {
        // a stopped process cannot shut down cleanly
        List.copyOf(paused).forEach(this::resume);
        suite.close();
        deleteQuietly(kafkaData);
    }

    private void signal(String instance, String signal) {
        var pid = suite.service(instance)
                .handle()
                .orElseThrow(() -> new IllegalStateException(instance + " is not running"))
                .pid();
        try {
            var kill = new ProcessBuilder("kill", signal, String.valueOf(pid))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " (" + instance + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill " + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + instance, e);
        }
    }

    /**
     * The first of {@code count} consecutive free ports, none among those already chosen: instance n of the
     * coordinator listens on the coordinator's port + n - 1.
     */
    private static int consecutiveFreePorts(int count, List<Integer> chosen) {
        for (var attempt = 0; attempt < 100; attempt++) {
            var first = LocalPorts.freePorts(1).getFirst();
            var all = true;
            for (var port = first; port < first + count && all; port++) {
                all = !chosen.contains(port) && LocalPorts.isFree(port);
            }
            if (all) {
                return first;
            }
        }
        throw new IllegalStateException("found no " + count + " consecutive free ports");
    }

    private static Path freshLogDirectory(RepositoryRoot root) {
        var logs =
                root.directory().resolve("end-to-end-tests").resolve("target").resolve("e2e-logs");
        try {
            Files.createDirectories(logs);
            try (var old = Files.list(logs)) {
                for (var log :
                        old.filter(file -> file.toString().endsWith(".log")).toList()) {
                    Files.delete(log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log folder " + logs, e);
        }
        return logs;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("e2e-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the Kafka data", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder harms nothing
        }
    }
}
