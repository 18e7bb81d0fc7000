package dev.txsuite.launcher.chaos;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.kafka.KafkaBroker;
import dev.txsuite.launcher.supply.Supplies;
import dev.txsuite.launcher.up.UpCommand;
import dev.txsuite.launcher.up.UpOptions;
import dev.txsuite.launcher.verify.Invariants;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./suite chaos}: a whole suite of its own (fresh {@code chaos_} databases, its own ports and Kafka data,
 * so it runs beside {@code ./suite up}), a {@link ChaosRun} against it, the report, and everything stopped again.
 * Exits 1 when an invariant does not hold.
 */
public final class ChaosCommand {

    /** Fault injection for the crash points, and participants that give up on a lost coordinator quickly. */
    private static final Map<String, String> SETTINGS = Map.of(
            "TXSUITE_FAULTS_ENABLED", "true",
            "TXSUITE_PARTICIPANT_READYTIMEOUT", "3s",
            "TXSUITE_PARTICIPANT_PRECOMMITTIMEOUT", "3s",
            "TXSUITE_ORDERS_VOTETIMEOUT", "5s",
            "TXSUITE_ORDERS_REQUESTDEADLINE", "15s");

    private static final Map<String, String> DEFAULTS = Map.of(
            "--ports", "8180",
            "--kafka-port", "9192",
            "--kafka-controller-port", "9193",
            "--database-prefix", "chaos_");

    private final UpCommand up;
    private final Map<String, String> environment;
    private final Path home;
    private final PrintStream out;

    public ChaosCommand(UpCommand up, Map<String, String> environment, Path home, PrintStream out) {
        this.up = up;
        this.environment = environment;
        this.home = home;
        this.out = out;
    }

    public int run(List<String> arguments) {
        var upArguments = new ArrayList<String>();
        var chaos = new HashMap<String, String>();
        for (var i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (List.of("--duration", "--clients", "--seed").contains(argument)) {
                if (i + 1 >= arguments.size()) {
                    throw new SuiteFailure(argument + " needs a value; ./suite help lists the options");
                }
                chaos.put(argument, arguments.get(++i));
            } else {
                upArguments.add(argument);
            }
        }
        DEFAULTS.forEach((option, value) -> {
            if (upArguments.stream().noneMatch(given -> given.equals(option) || given.startsWith(option + "="))) {
                upArguments.add(option);
                upArguments.add(value);
            }
        });
        var duration = duration(chaos.getOrDefault("--duration", "120s"));
        var clients = positive("--clients", chaos.getOrDefault("--clients", "4"));
        var seed = Long.parseLong(chaos.getOrDefault("--seed", String.valueOf(System.currentTimeMillis())));
        var options = UpOptions.parse(upArguments, environment);
        var kafkaData = home.resolve("chaos-kafka");
        KafkaBroker.deleteData(kafkaData);
        var started = up.start(options, SETTINGS, kafkaData, true);
        if (started.isEmpty()) {
            return 0;
        }
        var suite = started.get().suite();
        try {
            var gateway = suite.service(SuiteService.GATEWAY.shortName()).baseUri();
            var report = new ChaosRun(
                            suite,
                            new Invariants(started.get().lineup().databases()),
                            Supplies.fromEnvironment(gateway, environment),
                            out)
                    .run(duration, clients, seed);
            report.print(out);
            out.println("  seed                   " + seed);
            return report.allInvariantsHold() ? 0 : 1;
        } finally {
            suite.close();
        }
    }

    private static Duration duration(String value) {
        try {
            var duration = Duration.parse("PT" + value.toUpperCase());
            if (duration.toSeconds() < 10) {
                throw new SuiteFailure("--duration must be at least 10s, was " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new SuiteFailure("--duration takes a time such as 90s or 5m, not '" + value + "'");
        }
    }

    private static int positive(String option, String value) {
        try {
            var number = Integer.parseInt(value);
            if (number < 1 || number > 64) {
                throw new SuiteFailure(option + " must be between 1 and 64, was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new SuiteFailure(option + " takes a number, not '" + value + "'");
        }
    }
}
