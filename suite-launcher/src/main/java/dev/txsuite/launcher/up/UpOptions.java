package dev.txsuite.launcher.up;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.JvmOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./suite up} was asked for. A port comes from its own option ({@code --order-port 9081}), else
 * from {@code --ports <base>} (gateway on the base, order +1, inventory +2, payment +3, coordinator +4),
 * else from its environment variable ({@code ORDER_PORT}), else the usual one.
 */
public record UpOptions(
        Map<SuiteService, Integer> ports,
        int kafkaPort,
        int kafkaControllerPort,
        int coordinators,
        Set<SuiteService> services,
        String databasePrefix,
        JvmOptions jvm) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;

    public UpOptions {
        ports = Map.copyOf(ports);
        services = Set.copyOf(services);
    }

    public static UpOptions parse(List<String> arguments, Map<String, String> environment) {
        var given = new HashMap<String, String>();
        for (var i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new SuiteFailure("unexpected argument '" + argument + "'; ./suite help lists the options");
            }
            var equals = argument.indexOf('=');
            String name;
            String value;
            if (equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            } else {
                name = argument;
                if (i + 1 >= arguments.size()) {
                    throw new SuiteFailure(name + " needs a value; ./suite help lists the options");
                }
                value = arguments.get(++i);
            }
            if (!knownOptions().contains(name)) {
                throw new SuiteFailure("unknown option " + name + "; ./suite help lists the options");
            }
            given.put(name, value);
        }
        var base = given.containsKey("--ports") ? port("--ports", given.get("--ports")) : null;
        var ports = new EnumMap<SuiteService, Integer>(SuiteService.class);
        for (var service : SuiteService.values()) {
            ports.put(service, portOf(service, given, base, environment));
        }
        return new UpOptions(
                ports,
                port("--kafka-port", valueOf("--kafka-port", "KAFKA_PORT", DEFAULT_KAFKA_PORT, given, environment)),
                port(
                        "--kafka-controller-port",
                        valueOf(
                                "--kafka-controller-port",
                                "KAFKA_CONTROLLER_PORT",
                                DEFAULT_KAFKA_CONTROLLER_PORT,
                                given,
                                environment)),
                coordinators(given.getOrDefault("--coordinators", "1")),
                services(given.get("--only")),
                databasePrefix(given.getOrDefault("--database-prefix", "")),
                JvmOptions.quickStart(environment));
    }

    /** The same suite, its JVMs run with {@code options}. */
    public UpOptions withJvm(JvmOptions options) {
        return new UpOptions(ports, kafkaPort, kafkaControllerPort, coordinators, services, databasePrefix, options);
    }

    public String databaseOf(SuiteService service) {
        return databasePrefix + service.database();
    }

    private static List<String> knownOptions() {
        var options = new ArrayList<>(List.of(
                "--ports", "--kafka-port", "--kafka-controller-port", "--coordinators", "--only", "--database-prefix"));
        for (var service : SuiteService.values()) {
            options.add(service.portOption());
        }
        return options;
    }

    private static int portOf(
            SuiteService service, Map<String, String> given, Integer base, Map<String, String> environment) {
        if (given.containsKey(service.portOption())) {
            return port(service.portOption(), given.get(service.portOption()));
        }
        if (base != null) {
            return port("--ports", String.valueOf(base + service.defaultPort() - SuiteService.GATEWAY.defaultPort()));
        }
        var fromEnvironment = environment.get(service.portVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return port(service.portVariable(), fromEnvironment);
        }
        return service.defaultPort();
    }

    private static String valueOf(
            String option, String variable, int fallback, Map<String, String> given, Map<String, String> environment) {
        if (given.containsKey(option)) {
            return given.get(option);
        }
        var fromEnvironment = environment.get(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? String.valueOf(fallback) : fromEnvironment;
    }

    /** A port number given by {@code source} (an option or a variable); a failure naming it otherwise. */
    public static int port(String source, String value) {
        try {
            var port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new SuiteFailure(source + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static int coordinators(String value) {
        try {
            var count = Integer.parseInt(value.strip());
            if (count < 1 || count > 9) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new SuiteFailure("--coordinators must be a number from 1 to 9, not '" + value + "'");
        }
    }

    private static Set<SuiteService> services(String only) {
        if (only == null) {
            return EnumSet.allOf(SuiteService.class);
        }
        var services = EnumSet.noneOf(SuiteService.class);
        for (var name : only.split(",")) {
            if (!name.isBlank()) {
                services.add(SuiteService.named(name));
            }
        }
        if (services.isEmpty()) {
            throw new SuiteFailure("--only needs at least one of " + SuiteService.allNames());
        }
        return services;
    }

    private static String databasePrefix(String prefix) {
        // it becomes part of CREATE DATABASE: nothing but what an unquoted identifier allows
        if (!prefix.matches("[a-z0-9_]*")) {
            throw new SuiteFailure("--database-prefix may hold only a-z, 0-9 and _, not '" + prefix + "'");
        }
        return prefix;
    }
}
