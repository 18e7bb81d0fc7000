package dev.txsuite.launcher;

import dev.txsuite.launcher.chaos.ChaosCommand;
import dev.txsuite.launcher.events.EventsCommand;
import dev.txsuite.launcher.up.UpCommand;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** The {@code suite} command line: {@code up}, {@code chaos}, {@code events [topic]}, {@code help}. */
public final class SuiteCommand {

    private static final String USAGE = """
            Usage: ./suite <command> [options]

            Commands:
              up              build what is missing, create the databases, start Kafka and the five services;
                              Ctrl-C stops everything it started
              chaos           a suite of its own (chaos_ databases, ports 8180.., Kafka 9192) under a stream of
                              orders while every service is killed in turn, the coordinator at each crash
                              point; then every invariant is checked and the counts printed (exit 1 if one
                              does not hold)
              events [topic]  print the events of one topic, or of all four (tx.events, order.events,
                              inventory.events, payment.events), from the beginning and then as they come
              help            this text

            Options of up:
              --ports <base>              gateway on <base>, order <base>+1, inventory +2, payment +3,
                                          coordinator +4 (default 8080..8084)
              --gateway-port, --order-port, --inventory-port, --payment-port, --coordinator-port <port>
                                          one service's port (also GATEWAY_PORT, ORDER_PORT, INVENTORY_PORT,
                                          PAYMENT_PORT, COORDINATOR_PORT)
              --kafka-port <port>         the broker (default 9092, also KAFKA_PORT)
              --kafka-controller-port <port>  the broker's controller (default 9093, also KAFKA_CONTROLLER_PORT)
              --coordinators <n>          n tx-coordinator instances side by side on the one coordinator
                                          database, on the coordinator port and the ones after it
              --only <svc,svc>            start only these of: order, inventory, payment, coordinator, gateway
                                          (Kafka always starts)
              --database-prefix <p>       use the databases <p>orders, <p>inventory, <p>payments, <p>coordinator

            Options of chaos (and those of up, to move its ports):
              --duration <time>           how long orders flow, e.g. 90s, 10m (default 120s)
              --clients <n>               clients placing orders at once (default 4)
              --seed <n>                  the clients' random choices (default: the time)

            Options of events:
              --kafka <host:port>         the broker (default localhost:9092, also KAFKA_BOOTSTRAP_SERVERS)

            Settings (environment variables):
              PGHOST, PGPORT, PGUSER, PGPASSWORD   the PostgreSQL server (default 127.0.0.1:5432, user postgres)
              SUITE_HOME                           logs and Kafka data (default .suite in the repository)
              JAVA_HOME                            a JDK 25 (found under /usr/lib/jvm when unset)
              TXSUITE_FAULTS_ENABLED=true          lets tests and you halt a service, drop a protocol message
                                                   or cut a peer with PUT /tx/faults on the service itself
                                                   (docs/protocols.md); off by default
            """;

    private SuiteCommand() {}

    public static void main(String[] arguments) {
        var code = run(Arrays.asList(arguments));
        // never System.exit on success: after Ctrl-C the JVM is already running its shutdown hooks
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> arguments) {
        var command = arguments.isEmpty() ? "help" : arguments.getFirst();
        var rest = arguments.isEmpty() ? List.<String>of() : arguments.subList(1, arguments.size());
        try {
            return switch (command) {
                case "up" -> {
                    var root = RepositoryRoot.find();
                    yield new UpCommand(root, System.getenv(), home(root), System.out).run(rest);
                }
                case "chaos" -> {
                    var root = RepositoryRoot.find();
                    var home = home(root);
                    var up = new UpCommand(root, System.getenv(), home, System.out);
                    yield new ChaosCommand(up, System.getenv(), home, System.out).run(rest);
                }
                case "events" -> new EventsCommand(System.out, ZoneId.systemDefault()).run(rest, System.getenv());
                case "help", "-h", "--help" -> {
                    System.out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.print("suite: unknown command '" + command + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (SuiteFailure e) {
            System.out.flush();
            System.err.println("suite: " + e.getMessage());
            return 1;
        }
    }

    private static Path home(RepositoryRoot root) {
        var configured = System.getenv("SUITE_HOME");
        return configured == null || configured.isBlank()
                ? root.directory().resolve(".suite")
                : Path.of(configured).toAbsolutePath();
    }
}
