package dev.txsuite.launcher.up;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.kafka.KafkaBroker;
import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.process.LocalPorts;
import dev.txsuite.launcher.process.RunningSuite;
import dev.txsuite.launcher.process.ServiceLineup;
import dev.txsuite.launcher.process.ServiceProcess;
import dev.txsuite.launcher.verify.SnapshotAtStart;
import dev.txsuite.launcher.verify.SuiteSnapshot;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./suite up}: checks what the suite needs, builds what is missing, creates the databases, starts the
 * broker and the services, and keeps them running until Ctrl-C.
 */
public final class UpCommand {

    private static final int REQUIRED_JDK = 25;

    private final RepositoryRoot root;
    private final Map<String, String> environment;
    private final Path home;
    private final PrintStream out;

    public UpCommand(RepositoryRoot root, Map<String, String> environment, Path home, PrintStream out) {
        this.root = root;
        this.environment = environment;
        this.home = home;
        this.out = out;
    }

    /** Runs until the suite is stopped; the exit code. */
    public int run(List<String> arguments) {
        var options = UpOptions.parse(arguments, environment);
        var started = start(options, Map.of(), home.resolve("kafka"), false);
        if (started.isEmpty()) {
            return 0;
        }
        var suite = started.get().suite();
        var snapshot = takeSnapshot(options, started.get());
        printWhereEverythingIs(options, started.get().lineup(), home.resolve("logs"), snapshot);
        var stopped = suite.firstExit().join();
        if (suite.stoppedByShutdown()) {
            return 0;
        }
        var log = "kafka".equals(stopped)
                ? suite.broker().log()
                : suite.service(stopped).log();
        out.flush();
        System.err.println("suite: " + stopped + " stopped on its own; see " + log + "; stopping the rest");
        suite.close();
        return 1;
    }

    /** A suite that is up, and how it was laid out. */
    public record Started(RunningSuite suite, ServiceLineup lineup) {}

    /**
     * Checks what the suite needs, builds what is missing, creates the databases (dropped first when
     * {@code freshDatabases}), starts the broker on {@code kafkaData} and the services with {@code settings}
     * added to their environment, and returns once all are ready; the caller stops them. Empty when Ctrl-C
     * stopped the start.
     */
    public Optional<Started> start(
            UpOptions options, Map<String, String> settings, Path kafkaData, boolean freshDatabases) {
        requireJdk();
        var postgres = PostgresServer.fromEnvironment(environment);
        postgres.requireReachable();
        var logs = home.resolve("logs");
        var lineup = lineup(options, postgres, logs, settings);
        requireFreePorts(options, lineup);
        new BuildMissingJars(root, logs.resolve("build.log"), out).buildIfMissing(options.services());
        createDatabases(options, postgres, freshDatabases);

        var broker = new KafkaBroker(
                root.launcherLibraries(),
                kafkaData,
                options.kafkaPort(),
                options.kafkaControllerPort(),
                logs.resolve("kafka.log"),
                options.jvm().kafka());
        var suite = new RunningSuite(broker, lineup.processes());
        out.println("starting Kafka and the services (logs in " + logs + ")...");
        try {
            suite.start(ServiceProcess.READINESS_TIMEOUT, out::println);
        } catch (SuiteFailure e) {
            if (suite.stoppedByShutdown()) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new Started(suite, lineup));
    }

    /** The stock and money at the start, for ./suite verify; only when the whole suite runs here. */
    private Optional<Path> takeSnapshot(UpOptions options, Started started) {
        var lineup = started.lineup();
        var whole = options.services().containsAll(EnumSet.allOf(SuiteService.class));
        if (!whole) {
            out.println("  (only part of the suite runs here: no snapshot for ./suite verify)");
            return Optional.empty();
        }
        var gateway = URI.create("http://localhost:" + lineup.port(SuiteService.GATEWAY));
        return SnapshotAtStart.take(
                lineup.databases(),
                gateway,
                started.suite().broker().bootstrapServers(),
                SuiteSnapshot.fileFor(home, gateway.getPort()),
                out);
    }

    private static void requireJdk() {
        var feature = Runtime.version().feature();
        if (feature < REQUIRED_JDK) {
            throw new SuiteFailure("this is JDK " + feature + "; the suite needs JDK " + REQUIRED_JDK
                    + " or newer: point JAVA_HOME at one");
        }
    }

    private ServiceLineup lineup(UpOptions options, PostgresServer postgres, Path logs, Map<String, String> settings) {
        var databases = new EnumMap<SuiteService, DatabaseLogin>(SuiteService.class);
        for (var service : options.services()) {
            if (service.ownsDatabase()) {
                databases.put(service, postgres.loginTo(options.databaseOf(service)));
            }
        }
        return new ServiceLineup(
                root,
                options.ports(),
                options.coordinators(),
                options.services(),
                databases,
                "127.0.0.1:" + options.kafkaPort(),
                logs,
                settings,
                options.jvm().services());
    }

    private static void requireFreePorts(UpOptions options, ServiceLineup lineup) {
        var users = new HashMap<Integer, String>();
        var moves = new HashMap<Integer, String>();
        for (var instance : lineup.instances()) {
            var service = instance.service();
            claim(users, instance.port(), instance.name());
            moves.put(
                    instance.port(),
                    instance.number() > 1
                            ? "move the coordinators with " + service.portOption() + "=<port> (instance n listens on"
                                    + " <port>+n-1)"
                            : "move " + instance.name() + " with " + service.portOption() + "=<port> (or "
                                    + service.portVariable() + "=<port>)");
        }
        claim(users, options.kafkaPort(), "kafka");
        moves.put(options.kafkaPort(), "move it with --kafka-port=<port> (or KAFKA_PORT=<port>)");
        claim(users, options.kafkaControllerPort(), "the kafka controller");
        moves.put(
                options.kafkaControllerPort(),
                "move it with --kafka-controller-port=<port> (or KAFKA_CONTROLLER_PORT=<port>)");
        for (var port : users.keySet().stream().sorted().toList()) {
            if (!LocalPorts.isFree(port)) {
                throw new SuiteFailure("port " + port + " (for " + users.get(port) + ") is already taken; free it or "
                        + moves.get(port));
            }
        }
    }

    private static void claim(Map<Integer, String> users, int port, String user) {
        var earlier = users.putIfAbsent(port, user);
        if (earlier != null) {
            throw new SuiteFailure(earlier + " and " + user + " would both listen on port " + port
                    + "; give one of them another port (./suite help lists the options)");
        }
    }

    private void createDatabases(UpOptions options, PostgresServer postgres, boolean fresh) {
        for (var service : options.services()) {
            if (!service.ownsDatabase()) {
                continue;
            }
            var database = options.databaseOf(service);
            if (fresh) {
                postgres.dropIfExists(database);
            }
            if (postgres.createIfMissing(database)) {
                out.println("created database " + database);
            }
        }
    }

    private void printWhereEverythingIs(UpOptions options, ServiceLineup lineup, Path logs, Optional<Path> snapshot) {
        out.println();
        out.println("The suite is running. Press Ctrl-C to stop it.");
        for (var instance : lineup.instances()) {
            var url = "http://localhost:" + instance.port();
            var line = switch (instance.service()) {
                case GATEWAY -> row("gateway (the public API)", url + "/api/products");
                case COORDINATOR -> row(instance.service().module() + suffix(instance), url);
                default -> row(instance.service().module(), url);
            };
            out.println(line);
        }
        out.println(row("kafka", "localhost:" + options.kafkaPort() + "   (watch it: " + eventsCommand(options) + ")"));
        out.println(row("logs", logs.toString()));
        snapshot.ifPresent(file -> out.println(row("stock and money at start", file + "   (for ./suite verify)")));
        if (options.services().contains(SuiteService.GATEWAY)) {
            var gateway = lineup.port(SuiteService.GATEWAY);
            out.println();
            out.println("Place an order:");
            out.println(
                    "  curl -i -X POST localhost:" + gateway + "/api/orders -H 'Content-Type: application/json' \\");
            out.println("       -H 'Idempotency-Key: my-first-order' \\");
            out.println("       -d '{\"customerId\":\"alice\",\"items\":[{\"sku\":\"MUG-CERAMIC\",\"quantity\":2}],"
                    + "\"protocol\":\"2PC\"}'");
            out.println("Watch its events:");
            out.println("  " + eventsCommand(options) + " order.events");
            out.println(
                    "Watch the transactions (log in as admin / admin unless ADMIN_USERNAME/ADMIN_PASSWORD say else):");
            out.println("  http://localhost:" + gateway + "/admin/");
        }
    }

    private static String eventsCommand(UpOptions options) {
        return options.kafkaPort() == UpOptions.DEFAULT_KAFKA_PORT
                ? "./suite events"
                : "./suite events --kafka localhost:" + options.kafkaPort();
    }

    private static String suffix(ServiceLineup.Instance instance) {
        return instance.name().contains("-") ? " #" + instance.number() : "";
    }

    private static String row(String what, String where) {
        return "  %-27s %s".formatted(what, where);
    }
}
