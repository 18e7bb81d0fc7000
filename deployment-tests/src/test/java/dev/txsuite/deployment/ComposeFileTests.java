package dev.txsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as docker compose reads it with the committed .env.example as its .env: checked without
 * running it (no Docker engine here). {@link ServiceFromComposeEnvironmentTests} runs one service with it.
 */
class ComposeFileTests {

    private static final Map<String, String> DATABASE_OF = Map.of(
            "order-service", "orders",
            "inventory-service", "inventory",
            "payment-service", "payments",
            "tx-coordinator", "coordinator");

    private final ComposeFile compose = ComposeFile.withEnvFile(Repository.file(".env.example"));

    @Test
    void shouldBuildEveryServiceFromTheSharedDockerfileForItsOwnPort() {
        for (var module : ServiceConfiguration.SERVICES) {
            var service = compose.service(module);
            assertThat(Yaml.stringAt(service, "build.dockerfile")).as(module).isEqualTo("docker/Dockerfile");
            assertThat(Yaml.stringAt(service, "build.context")).as(module).isEqualTo(".");
            assertThat(Yaml.stringAt(service, "build.args.SERVICE")).as(module).isEqualTo(module);
            assertThat(Yaml.stringAt(service, "build.args.PORT"))
                    .as(module + "'s port")
                    .isEqualTo(String.valueOf(ServiceConfiguration.of(module).port()));
            assertThat(Yaml.stringAt(service, "image")).as(module).isEqualTo("txsuite/" + module + ":local");
        }
    }

    @Test
    void shouldGiveEachServiceADatabaseServerOfItsOwn() {
        var serverOf = new HashMap<String, String>();
        DATABASE_OF.forEach((module, database) -> {
            var url = compose.environment(module).get("SPRING_DATASOURCE_URL");
            assertThat(url).as(module + "'s SPRING_DATASOURCE_URL").startsWith("jdbc:postgresql://");
            var target = URI.create(url.substring("jdbc:".length()));
            assertThat(target.getPath()).as(module + "'s database").isEqualTo("/" + database);
            var server = compose.service(target.getHost());
            assertThat(Yaml.stringAt(server, "image")).as(target.getHost()).startsWith("postgres:");
            assertThat(Yaml.stringAt(server, "environment.POSTGRES_DB")).isEqualTo(database);
            assertThat(Yaml.stringAt(server, "environment.POSTGRES_USER"))
                    .isEqualTo(compose.environment(module).get("SPRING_DATASOURCE_USERNAME"));
            assertThat(Yaml.stringAt(server, "environment.POSTGRES_PASSWORD"))
                    .isEqualTo(compose.environment(module).get("SPRING_DATASOURCE_PASSWORD"));
            serverOf.put(module, target.getHost());
        });
        assertThat(serverOf.values()).as("one PostgreSQL per service").doesNotHaveDuplicates();
        assertThat(compose.environment("api-gateway")).doesNotContainKey("SPRING_DATASOURCE_URL");
    }

    @Test
    void shouldRunOneKafkaNodeInKraftModeThatTheServicesUse() {
        var kafka = compose.service("kafka");
        assertThat(Yaml.stringAt(kafka, "image")).startsWith("apache/kafka:");
        assertThat(Yaml.stringAt(kafka, "environment.KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(Yaml.stringAt(kafka, "environment.KAFKA_ADVERTISED_LISTENERS"))
                .isEqualTo("PLAINTEXT://kafka:9092");
        for (var module : DATABASE_OF.keySet()) {
            assertThat(compose.environment(module)).as(module).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void shouldPublishTheGatewayPortAndNoOther() {
        var published = new LinkedHashMap<String, Object>();
        compose.services().forEach((name, service) -> {
            if (Yaml.at(service, "ports") != null) {
                published.put(name, Yaml.at(service, "ports"));
            }
        });
        assertThat(published).containsOnlyKeys("api-gateway");
        assertThat(Yaml.listAt(compose.service("api-gateway"), "ports")).containsExactly("8080:8080");
    }

    @Test
    void shouldStartEachContainerOnlyOnceWhatItNeedsIsHealthy() {
        var dockerfileChecksHealth =
                !Dockerfile.read().runtime().argumentsOf("HEALTHCHECK").isEmpty();
        compose.services().forEach((name, service) -> {
            var dependencies = Yaml.mapAt(service, "depends_on");
            dependencies.forEach((dependency, condition) -> {
                assertThat(Yaml.stringAt(condition, "condition"))
                        .as(name + " depends on " + dependency)
                        .isEqualTo("service_healthy");
                var target = compose.service(dependency);
                var builtFromTheDockerfile = "docker/Dockerfile".equals(Yaml.stringAt(target, "build.dockerfile"));
                assertThat(Yaml.at(target, "healthcheck") != null || builtFromTheDockerfile && dockerfileChecksHealth)
                        .as(dependency + " has a healthcheck")
                        .isTrue();
            });
        });
        assertThat(Yaml.mapAt(compose.service("api-gateway"), "depends_on"))
                .as("the gateway starts last, once every service behind it is ready")
                .containsOnlyKeys("order-service", "inventory-service", "payment-service", "tx-coordinator");
    }

    @Test
    void shouldTakeEveryCredentialFromTheEnvFileThatIsNeverCommitted() {
        compose.services()
                .keySet()
                .forEach(name -> compose.rawEnvironment(name).forEach((variable, value) -> {
                    if (variable.contains("PASSWORD")) {
                        assertThat(value)
                                .as(name + "'s " + variable + " must come from .env and stop compose when missing")
                                .matches("\\$\\{[A-Z_]+:\\?.+}");
                    }
                }));
        var example = EnvFile.read(Repository.file(".env.example"));
        assertThat(example.keySet())
                .as("every variable docker-compose.yml uses is in .env.example")
                .containsAll(compose.variablesUsed());
        assertThat(Repository.read(Repository.file(".gitignore")).lines()).contains(".env");
    }

    @Test
    void shouldSetOnlyVariablesTheServicesRead() {
        for (var module : ServiceConfiguration.SERVICES) {
            var configuration = ServiceConfiguration.of(module);
            assertThat(configuration.unread(compose.environment(module).keySet()))
                    .as("variables docker-compose.yml sets for " + module + " that it never reads")
                    .isEmpty();
        }
    }

    @Test
    void shouldPointEveryServiceAddressAtTheServiceOfThatName() {
        var addresses = List.of("ORDER_SERVICE_URL", "INVENTORY_SERVICE_URL", "PAYMENT_SERVICE_URL", "COORDINATOR_URL");
        for (var module : ServiceConfiguration.SERVICES) {
            compose.environment(module).forEach((variable, value) -> {
                if (addresses.contains(variable)) {
                    var target = URI.create(value);
                    var service = target.getHost();
                    assertThat(ServiceConfiguration.SERVICES)
                            .as(module + "'s " + variable)
                            .contains(service);
                    assertThat(target.getPort())
                            .as(module + "'s " + variable)
                            .isEqualTo(ServiceConfiguration.of(service).port());
                }
            });
        }
    }
}
