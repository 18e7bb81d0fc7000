package dev.txsuite.launcher.process;

import dev.txsuite.launcher.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The broker and the services as processes of their own. Whatever happens (a failed start, Ctrl-C, the end
 * of a test run) everything started here is stopped by its process id: {@link #close()}, or a shutdown hook
 * when the JVM ends first.
 */
public final class RunningSuite implements AutoCloseable {

    private final KafkaBroker broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread stopOnExit = new Thread(this::stopAllOnExit, "stop-the-suite");
    private volatile boolean stoppedByShutdown;
    private volatile Consumer<String> progress = ignored -> {};

    public RunningSuite(KafkaBroker broker, List<ServiceProcess> services) {
        this.broker = broker;
        services.forEach(service -> this.services.put(service.name(), service));
    }

    /**
     * Starts the broker, then every service at once, and returns when all of them are ready; reports each
     * one as it becomes ready. On failure everything already started is stopped before the exception leaves.
     */
    public RunningSuite start(Duration readinessTimeout, Consumer<String> progress) {
        this.progress = progress;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            broker.start();
            broker.awaitReady(KafkaBroker.READINESS_TIMEOUT);
            progress.accept("  kafka is up on " + broker.bootstrapServers());
            services.values().forEach(ServiceProcess::launch);
            for (var service : services.values()) {
                service.awaitReady(readinessTimeout);
                progress.accept("  " + service.name() + " is up on port " + service.port());
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public ServiceProcess service(String name) {
        var service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in " + services.keySet());
        }
        return service;
    }

    public void stop(String name) {
        service(name).stop();
    }

    /** Starts a stopped service again, on its port and database, and waits until it is ready. */
    public void restart(String name, Duration readinessTimeout) {
        var service = service(name);
        if (!service.isRunning()) {
            service.launch();
        }
        service.awaitReady(readinessTimeout);
    }

    /** Every process running now, by name: {@code kafka} for the broker, and each service. */
    public Map<String, ProcessHandle> processes() {
        var handles = new LinkedHashMap<String, ProcessHandle>();
        broker.handle().ifPresent(handle -> handles.put(broker.process().name(), handle));
        services.values().forEach(service -> service.handle().ifPresent(handle -> handles.put(service.name(), handle)));
        return handles;
    }

    /** Completes with the first process that ends, the broker or a service, for whatever reason. */
    public CompletableFuture<String> firstExit() {
        var exits = new ArrayList<CompletableFuture<String>>();
        exits.add(broker.onExit().thenApply(ignored -> broker.process().name()));
        services.values().forEach(service -> exits.add(service.onExit().thenApply(ignored -> service.name())));
        return CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).thenApply(String.class::cast);
    }

    /** True once the JVM is shutting down (Ctrl-C) and the hook stopped everything. */
    public boolean stoppedByShutdown() {
        return stoppedByShutdown;
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

    private void stopAllOnExit() {
        stoppedByShutdown = true;
        progress.accept("\nstopping the suite...");
        stopAll();
        progress.accept("stopped.");
    }

    private void stopAll() {
        // ask every service first, then wait, so that they shut down side by side; the broker last, so that
        // the services can still flush what they publish while they stop
        services.values().forEach(ServiceProcess::requestStop);
        services.values().forEach(ServiceProcess::awaitExit);
        broker.stop();
    }
}
