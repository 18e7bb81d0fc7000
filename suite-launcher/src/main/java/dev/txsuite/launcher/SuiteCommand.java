package dev.txsuite.launcher;

import dev.txsuite.launcher.bench.BenchCommand;
import dev.txsuite.launcher.chaos.ChaosCommand;
import dev.txsuite.launcher.events.EventsCommand;
import dev.txsuite.launcher.load.LoadCommand;
import dev.txsuite.launcher.up.UpCommand;
import dev.txsuite.launcher.verify.VerifyCommand;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code suite} command line: {@code up}, {@code load <simulation>}, {@code verify}, {@code chaos},
 * {@code bench}, {@code events [topic]}, {@code help}.
 */
public final class SuiteCommand {

    private static final String USAGE = """
            Usage: ./suite <command> [options]

            Commands:
              up              build what is missing, create the databases, start Kafka and the five services;
                              Ctrl-C stops everything it started
              load <simulation>
                              a Gatling load test against a running suite (the one ./suite up runs here by
                              default), then verify; exit 1 if the simulation's assertions or an invariant
                              fail. Simulations:
                                steady      orders at a constant rate, all must be confirmed (default 5/s, 60s)
                                hot-sku     9 in 10 orders want one sku until it sells out (default 10/s, 30s)
                                rejections  good orders among unpayable ones and unknown skus and customers:
                                            409/422 are OK, a 5xx is KO (default 5/s, 60s)
                                saturation  arrivals ramp from 1/s to --rate (default 60/s over 120s)
              verify          wait until the running suite is quiet (nothing PENDING, no transaction open),
                              then check the invariants (atomicity, stock and money conserved since ./suite up
                              started it, orders, events); exit 1 listing every violation
              chaos           a suite of its own (chaos_ databases, ports 8180.., Kafka 9192) under a stream of
                              orders while every service is killed in turn, the coordinator at each crash
                              point; then every invariant is checked and the counts printed (exit 1 if one
                              does not hold)
              bench           a suite of its own (bench_ databases, ports 8280.., Kafka 9292) and the baseline
                              (bench_baseline, port 8290): the same offered loads, rate after rate, on the
                              baseline, 2PC and 3PC until each saturates, then each at half the baseline's
                              saturation; writes benchmarks.md and its latency chart to $SUITE_HOME/bench/
                              (docs/ with --publish); exit 1 if an invariant does not hold afterwards
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

            Options of bench (and those of up, to move its ports):
              --rates <r,r,...>           the offered rates, orders/s (default 10,20,40,80,160,320,640)
              --step <time>               how long each rate is offered (default 30s)
              --warmup <time>             each system's warm-up at the lowest rate, not recorded (default 180s)
              --overload-step <time>      each system at twice its saturation after the sweep (default 60s)
              --baseline-port <port>      the baseline (default 8290)
              --publish                   write docs/benchmarks.md and its two charts in docs/ (on a quiet
                                          machine: the report records the load average)

            Options of load:
              --rate <n>                  new clients (each placing one order) per second; for saturation the peak
              --duration <time>           how long clients arrive, e.g. 60s, 5m
              --protocol-mix <mix>        the share of each protocol, e.g. 2PC=50,3PC=50 (default) or 3PC=100
              --base-url <url>            the gateway (default http://localhost:8080)
              --no-verify                 skip verify (for a suite that ./suite up does not run here)
              Each run's HTML report is written under $SUITE_HOME/load/.

            Options of verify:
              --base-url <url>            the gateway of the suite to check (default http://localhost:8080); it
                                          picks the snapshot ./suite up wrote when it started that suite
              --timeout <time>            how long to wait for the suite to be quiet (default 120s)

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
                case "bench" -> {
                    var root = RepositoryRoot.find();
                    var home = home(root);
                    var up = new UpCommand(root, System.getenv(), home, System.out);
                    yield new BenchCommand(up, root, System.getenv(), home, System.out).run(rest);
                }
                case "load" -> {
                    var root = RepositoryRoot.find();
                    yield new LoadCommand(root, home(root), System.getenv(), System.out).run(rest);
                }
                case "verify" -> new VerifyCommand(home(RepositoryRoot.find()), System.getenv(), System.out).run(rest);
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
