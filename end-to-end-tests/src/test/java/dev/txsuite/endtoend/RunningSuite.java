package dev.txsuite.endtoend;

import dev.txsuite.testing.TestDatabase;
import dev.txsuite.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as five real processes on fresh databases and free ports, the way a user runs it. Close it
 * to stop them all; a shutdown hook does the same if the test JVM ends first, so no process outlives a run.
 */
final class RunningSuite implements AutoCloseable {

    private final Map<SuiteService, ServiceProcess> processes;
    private final Map<SuiteService, TestDatabase> databases;
    private final Thread stopOnExit = new Thread(this::stopAll, "stop-e2e-services");

    private RunningSuite(Map<SuiteService, ServiceProcess> processes, Map<SuiteService, TestDatabase> databases) {
        this.processes = processes;
        this.databases = databases;
    }

    /** Starts all five services at once and returns when every one of them is ready. */
    static RunningSuite start() {
        var root = RepositoryRoot.find();
        var jars = new EnumMap<SuiteService, Path>(SuiteService.class);
        for (var service : SuiteService.values()) {
            jars.put(service, root.execJarOf(service.module()));
        }
        var databases = new EnumMap<SuiteService, TestDatabase>(SuiteService.class);
        for (var service : SuiteService.values()) {
            if (service.ownsDatabase()) {
                databases.put(service, TestPostgres.createDatabase(service.databasePrefix()));
            }
        }
        var ports = freePorts();
        var serviceUrls = Map.of(
                "ORDER_SERVICE_URL", url(ports.get(SuiteService.ORDER)),
                "INVENTORY_SERVICE_URL", url(ports.get(SuiteService.INVENTORY)),
                "PAYMENT_SERVICE_URL", url(ports.get(SuiteService.PAYMENT)),
                "COORDINATOR_URL", url(ports.get(SuiteService.COORDINATOR)));
        var processes = new EnumMap<SuiteService, ServiceProcess>(SuiteService.class);
        for (var service : SuiteService.values()) {
            var environment = new HashMap<>(serviceUrls);
            environment.put("SERVER_PORT", String.valueOf(ports.get(service)));
            environment.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
            var database = databases.get(service);
            if (database != null) {
                environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
                environment.put("SPRING_DATASOURCE_USERNAME", database.username());
                environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
            }
            var log = freshLogFile(root, service);
            processes.put(
                    service,
                    new ServiceProcess(service.module(), jars.get(service), ports.get(service), environment, log));
        }
        var suite = new RunningSuite(processes, databases);
        Runtime.getRuntime().addShutdownHook(suite.stopOnExit);
        try {
            processes.values().forEach(ServiceProcess::launch);
            processes.values().forEach(ServiceProcess::awaitReady);
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    URI gatewayUri() {
        return processes.get(SuiteService.GATEWAY).baseUri();
    }

    TestDatabase database(SuiteService service) {
        var database = databases.get(service);
        if (database == null) {
            throw new IllegalArgumentException(service + " owns no database");
        }
        return database;
    }

    void stop(SuiteService service) {
        processes.get(service).stop();
    }

    /** Starts a stopped service again, on its port and database, and waits until it is ready. */
    void restart(SuiteService service) {
        var process = processes.get(service);
        if (!process.isRunning()) {
            process.launch();
        }
        process.awaitReady();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to unregister
        }
    }

    private void stopAll() {
        // ask every service first, then wait, so that they shut down side by side
        processes.values().forEach(ServiceProcess::requestStop);
        processes.values().forEach(ServiceProcess::awaitExit);
    }

    private static Map<SuiteService, Integer> freePorts() {
        // hold all sockets open until every port is chosen, so that no two services get the same one
        var sockets = new ArrayList<ServerSocket>();
        try {
            var ports = new EnumMap<SuiteService, Integer>(SuiteService.class);
            for (var service : SuiteService.values()) {
                var socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(service, socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (var socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the port is released either way
            }
        }
    }

    private static Path freshLogFile(RepositoryRoot root, SuiteService service) {
        var log = root.logDirectory().resolve(service.module() + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the log file " + log, e);
        }
        return log;
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
