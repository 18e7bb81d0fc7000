package dev.txsuite.participant.counting;

import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.TestDatabase;
import dev.txsuite.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A counting participant started in the test JVM as a service of its own: its own random port, its own fresh
 * database, its own settings. Several of them are each other's peers in the termination protocol.
 */
final class RunningParticipant implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final ParticipantDatabase database;
    private ConfigurableApplicationContext context;
    private ParticipantEndpoints endpoints;
    private URI url;

    private RunningParticipant(String name, List<String> arguments, ParticipantDatabase database) {
        this.name = name;
        this.arguments = arguments;
        this.database = database;
    }

    /**
     * @param settings {@code txsuite.participant.*} properties (short timeouts, the coordinator's URL) by their
     *     name under that prefix
     */
    static RunningParticipant start(String name, Map<String, String> settings) {
        var database = TestPostgres.createDatabase("participant_" + name);
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--txsuite.participant.name=" + name));
        settings.forEach((key, value) -> arguments.add("--txsuite.participant." + key + "=" + value));
        var participant =
                new RunningParticipant(name, List.copyOf(arguments), new ParticipantDatabase(dataSource(database)));
        participant.run();
        return participant;
    }

    /** The URL of a port nothing listens on: a coordinator that is gone (connections are refused at once). */
    static URI nowhere() {
        try (var socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    URI url() {
        return url;
    }

    /** This participant as CAN-COMMIT lists it. */
    Map<String, Object> asPeer() {
        return Messages.peer(name, url);
    }

    ParticipantEndpoints endpoints() {
        return endpoints;
    }

    ParticipantDatabase database() {
        return database;
    }

    /** A bean of the running service, to look at (or force) what only it knows, such as a circuit breaker. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** {@code PUT /tx/faults} with the plan, e.g. {@code {"unreachable":["coordinator"]}}. */
    void arm(String plan) {
        endpoints
                .client()
                .put()
                .uri("/tx/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .body(plan)
                .exchange()
                .expectStatus()
                .isOk();
    }

    void disarm() {
        endpoints.client().delete().uri("/tx/faults").exchange().expectStatus().isOk();
    }

    /** Stops the service between two requests, as a crash there would; its database stays. */
    void stop() {
        context.close();
    }

    /** Starts a stopped service again on the same database (on a new port). */
    void startAgain() {
        run();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }

    private void run() {
        context = new SpringApplicationBuilder(CountingParticipantApplication.class)
                .run(arguments.toArray(String[]::new));
        url = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        endpoints = new ParticipantEndpoints(
                RestTestClient.bindToServer().baseUrl(url.toString()).build());
    }

    private static SimpleDriverDataSource dataSource(TestDatabase database) {
        var dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.postgresql.Driver.class);
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
