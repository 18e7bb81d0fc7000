package dev.txsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.testing.TestDatabase;
import dev.txsuite.testing.TestKafka;
import dev.txsuite.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * inventory-service started as its container would be: its runnable jar laid out in the image's layers, the
 * image's {@code ENTRYPOINT}, and exactly the environment docker-compose.yml gives it (with .env.example as
 * .env), except where a container address cannot work here: its database server is the tests' PostgreSQL
 * (a fresh database), Kafka the tests' broker, and the port a free one.
 */
class ServiceFromComposeEnvironmentTests {

    private static final String MODULE = "inventory-service";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDirectory;

    private Process service;
    private TestDatabase database;

    @Test
    void shouldBecomeReadyWithTheEnvironmentComposeGivesIt() throws IOException {
        var environment = composeEnvironmentRewrittenForThisMachine();
        var application = LayeredApplication.extract(execJar(), workDirectory);
        var log = Files.createDirectories(Path.of("target")).resolve(MODULE + "-from-compose.log");
        var launch = new ProcessBuilder(entrypoint())
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // nothing of this JVM's environment leaks in: the container gets only what compose and the image give it
        launch.environment().clear();
        launch.environment().putAll(environment);
        service = launch.start();
        var port = Integer.parseInt(environment.get("SERVER_PORT"));

        try {
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!service.isAlive()) {
                            throw new AssertionError(MODULE + " exited with code " + service.exitValue()
                                    + "; the end of its log:\n" + tail(log));
                        }
                        return status(port, "/actuator/health/readiness") == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(MODULE + " was not ready within 150 s; the end of its log:\n" + tail(log), e);
        }

        assertThat(body(port, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
        assertThat(imageHealthcheck(port))
                .as("the image's HEALTHCHECK against the running service")
                .isZero();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
        if (database != null) {
            TestPostgres.dropDatabase(database);
        }
    }

    private Map<String, String> composeEnvironmentRewrittenForThisMachine() throws IOException {
        var compose = ComposeFile.withEnvFile(Repository.file(".env.example"));
        var environment = new HashMap<>(compose.environment(MODULE));
        database = TestPostgres.createDatabase("deployment_" + MODULE.replace('-', '_'));
        replace(environment, "SPRING_DATASOURCE_URL", database.jdbcUrl());
        replace(environment, "SPRING_DATASOURCE_USERNAME", database.username());
        replace(environment, "SPRING_DATASOURCE_PASSWORD", database.password());
        replace(environment, "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        // the image's ENV SERVER_PORT=${PORT}, moved off the port a running suite may hold
        environment.put("SERVER_PORT", String.valueOf(freePort()));
        return environment;
    }

    private List<String> entrypoint() {
        var command = new ArrayList<>(Dockerfile.read().entrypoint());
        assertThat(command.getFirst()).isEqualTo("java");
        command.set(0, LayeredApplication.java());
        // C1 only: the build machines' two shared cores start the service in half the time; a JVM option, so the
        // service's configuration is exactly the container's
        command.add(1, "-XX:TieredStopAtLevel=1");
        return command;
    }

    private static void replace(Map<String, String> environment, String variable, String value) {
        assertThat(environment)
                .as("docker-compose.yml gives " + MODULE + " " + variable)
                .containsKey(variable);
        environment.put(variable, value);
    }

    private static Path execJar() throws IOException {
        var target = Repository.root().resolve(MODULE).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target
                            + ": build it first (./mvnw -B install -DskipTests -pl " + MODULE + " -am)"));
        }
    }

    private int imageHealthcheck(int port) throws IOException {
        var check =
                new ProcessBuilder("bash", Repository.file("docker/healthcheck").toString()).redirectErrorStream(true);
        check.environment().put("SERVER_PORT", String.valueOf(port));
        var process = check.start();
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(int port, String path) {
        try {
            return http.send(request(port, path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListeningYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String body(int port, String path) {
        try {
            return http.send(request(port, path), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
