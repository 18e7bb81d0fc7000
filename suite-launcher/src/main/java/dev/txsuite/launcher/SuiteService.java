package dev.txsuite.launcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five services of the suite: the module that builds each, the database it owns, its usual port. */
public enum SuiteService {
    ORDER("order", "order-service", "orders", 8081),
    INVENTORY("inventory", "inventory-service", "inventory", 8082),
    PAYMENT("payment", "payment-service", "payments", 8083),
    COORDINATOR("coordinator", "tx-coordinator", "coordinator", 8084),
    GATEWAY("gateway", "api-gateway", null, 8080);

    private final String shortName;
    private final String module;
    private final String database;
    private final int defaultPort;

    SuiteService(String shortName, String module, String database, int defaultPort) {
        this.shortName = shortName;
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** The name users type ({@code --only order,gateway}) and the log file is named after. */
    public String shortName() {
        return shortName;
    }

    public String module() {
        return module;
    }

    public boolean ownsDatabase() {
        return database != null;
    }

    /** The database's usual name ({@code orders}, ...); only for services that own one. */
    public String database() {
        if (database == null) {
            throw new IllegalStateException(shortName + " owns no database");
        }
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that moves the service, as the bash script had it: {@code ORDER_PORT}. */
    public String portVariable() {
        return shortName.toUpperCase(Locale.ROOT) + "_PORT";
    }

    public String portOption() {
        return "--" + shortName + "-port";
    }

    public static SuiteService named(String name) {
        for (var service : values()) {
            if (service.shortName.equalsIgnoreCase(name.strip()) || service.module.equalsIgnoreCase(name.strip())) {
                return service;
            }
        }
        throw new SuiteFailure("unknown service '" + name + "'; the services are " + allNames());
    }

    public static String allNames() {
        return Arrays.stream(values()).map(SuiteService::shortName).collect(Collectors.joining(", "));
    }
}
