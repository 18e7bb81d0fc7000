package dev.txsuite.launcher.process;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which service instances to run and how they find each other, their databases and the broker: the one
 * place that turns ports and logins into environment variables, for {@code ./suite up} and the end-to-end
 * tests alike. {@code ports} holds each service's port; with several coordinators the first one has the
 * coordinator's port and the others the ports after it; every one runs with {@code jvmOptions}.
 */
public record ServiceLineup(
        RepositoryRoot root,
        Map<SuiteService, Integer> ports,
        int coordinators,
        Set<SuiteService> selected,
        Map<SuiteService, DatabaseLogin> databases,
        String kafkaBootstrapServers,
        Path logDirectory,
        Map<String, String> settings,
        List<String> jvmOptions) {

    /** Upstream services first, so that they are reported ready in the order the gateway needs them. */
    private static final List<SuiteService> START_ORDER = List.of(
            SuiteService.INVENTORY,
            SuiteService.PAYMENT,
            SuiteService.COORDINATOR,
            SuiteService.ORDER,
            SuiteService.GATEWAY);

    public ServiceLineup {
        ports = Map.copyOf(ports);
        selected = Set.copyOf(selected);
        databases = Map.copyOf(databases);
        settings = Map.copyOf(settings);
        jvmOptions = List.copyOf(jvmOptions);
        if (coordinators < 1) {
            throw new IllegalArgumentException("at least one coordinator, not " + coordinators);
        }
    }

    /** One running copy of a service: its name (and log file name) and its port. */
    public record Instance(SuiteService service, String name, int port, int number) {}

    public List<Instance> instances() {
        var instances = new ArrayList<Instance>();
        for (var service : START_ORDER) {
            if (!selected.contains(service)) {
                continue;
            }
            if (service == SuiteService.COORDINATOR && coordinators > 1) {
                for (var number = 1; number <= coordinators; number++) {
                    instances.add(new Instance(service, "coordinator-" + number, port(service) + number - 1, number));
                }
            } else {
                instances.add(new Instance(service, service.shortName(), port(service), 1));
            }
        }
        return instances;
    }

    public List<ServiceProcess> processes() {
        return instances().stream()
                .map(instance -> new ServiceProcess(
                        instance.name(),
                        root.execJarOf(instance.service().module()),
                        instance.port(),
                        environmentOf(instance),
                        logDirectory.resolve(instance.name() + ".log"),
                        jvmOptions))
                .toList();
    }

    public int port(SuiteService service) {
        var port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + service);
        }
        return port;
    }

    private Map<String, String> environmentOf(Instance instance) {
        var environment = new HashMap<String, String>();
        environment.put("SERVER_PORT", String.valueOf(instance.port()));
        // services that are not selected still get their usual address: the user may run them elsewhere
        environment.put("ORDER_SERVICE_URL", url(SuiteService.ORDER));
        environment.put("INVENTORY_SERVICE_URL", url(SuiteService.INVENTORY));
        environment.put("PAYMENT_SERVICE_URL", url(SuiteService.PAYMENT));
        environment.put("COORDINATOR_URL", url(SuiteService.COORDINATOR));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        var database = databases.get(instance.service());
        if (instance.service().ownsDatabase()) {
            if (database == null) {
                throw new IllegalArgumentException("no database login for " + instance.service());
            }
            environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
            environment.put("SPRING_DATASOURCE_USERNAME", database.username());
            environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        }
        if (instance.service() == SuiteService.COORDINATOR) {
            environment.put("TXSUITE_COORDINATOR_INSTANCE_ID", "coordinator-" + instance.number());
            environment.put("COORDINATOR_INSTANCE_ID", "coordinator-" + instance.number());
        }
        environment.putAll(settings);
        return environment;
    }

    private String url(SuiteService service) {
        return "http://127.0.0.1:" + ports.getOrDefault(service, service.defaultPort());
    }
}
