package dev.txsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests as {@code kubectl apply -k k8s/overlays/<name>} would send them: every overlay
 * rendered with kustomize, then checked (no cluster here).
 */
class KubernetesManifestsTests {

    /** What the services use besides each other: run in the local overlay, elsewhere in production. */
    private static final List<String> BACKING_SERVICES =
            List.of("orders-db", "inventory-db", "payments-db", "coordinator-db", "kafka");

    private static Map<String, Manifests> overlays;

    @BeforeAll
    static void renderEveryOverlay() throws IOException {
        var kustomize = Kustomize.find();
        overlays = new TreeMap<>();
        try (var directories = Files.list(Repository.file("k8s/overlays"))) {
            for (var overlay : directories.sorted(Comparator.naturalOrder()).toList()) {
                overlays.put(overlay.getFileName().toString(), kustomize.render(overlay));
            }
        }
        System.out.println("rendered k8s/overlays " + overlays.keySet() + " with " + kustomize.description());
    }

    @Test
    void shouldRenderTheFiveServicesInEveryOverlay() {
        assertThat(overlays).containsOnlyKeys("local", "production");
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var deployment = manifests.get("Deployment", module);
                assertThat(Yaml.stringAt(deployment, "metadata.namespace"))
                        .as(overlay)
                        .isEqualTo("txsuite");
                var service = manifests.get("Service", module);
                assertThat(Yaml.stringAt(Yaml.listAt(service, "spec.ports").getFirst(), "port"))
                        .as(overlay + ": " + module + "'s Service port")
                        .isEqualTo(
                                String.valueOf(ServiceConfiguration.of(module).port()));
                assertThat(manifests.get("ServiceAccount", module)).isNotNull();
                assertThat(Yaml.stringAt(deployment, "spec.template.spec.serviceAccountName"))
                        .isEqualTo(module);
            }
        });
    }

    @Test
    void shouldRunTheImagesBuiltFromTheDockerfile() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var container = Manifests.container(manifests.get("Deployment", module));
                var image = Yaml.stringAt(container, "image");
                assertThat(image).as(overlay + ": " + module).contains("txsuite/" + module + ":");
                assertThat(Yaml.stringAt(Yaml.listAt(container, "ports").getFirst(), "containerPort"))
                        .as(overlay + ": " + module + "'s container port")
                        .isEqualTo(
                                String.valueOf(ServiceConfiguration.of(module).port()));
            }
        });
        assertThat(Yaml.stringAt(
                        Manifests.container(overlays.get("local").get("Deployment", "order-service")), "image"))
                .as("the tag docker compose gives the images it builds")
                .isEqualTo("txsuite/order-service:local");
        for (var module : ServiceConfiguration.SERVICES) {
            assertThat(Yaml.stringAt(
                            Manifests.container(overlays.get("production").get("Deployment", module)), "image"))
                    .as("production runs a released image from a registry")
                    .matches("[a-z0-9.-]+\\.[a-z]+/.+:\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void shouldAskLivenessAndReadinessOnTheirOwnProbeEndpoints() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var container = Manifests.container(manifests.get("Deployment", module));
                assertThat(Yaml.stringAt(container, "livenessProbe.httpGet.path"))
                        .as(overlay + ": " + module)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(Yaml.stringAt(container, "readinessProbe.httpGet.path"))
                        .as(overlay + ": " + module)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(Yaml.stringAt(container, "livenessProbe.httpGet.port"))
                        .isEqualTo(Yaml.stringAt(container, "readinessProbe.httpGet.port"))
                        .isEqualTo("http");
            }
        });
    }

    @Test
    void shouldRunEveryServiceAsANonRootUserOnAReadOnlyFileSystemWithoutCapabilities() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var deployment = manifests.get("Deployment", module);
                var pod = Yaml.mapAt(deployment, "spec.template.spec");
                var container = Manifests.container(deployment);
                var what = overlay + ": " + module;
                assertThat(Yaml.at(pod, "securityContext.runAsNonRoot"))
                        .as(what)
                        .isEqualTo(true);
                assertThat(Yaml.at(container, "securityContext.allowPrivilegeEscalation"))
                        .as(what)
                        .isEqualTo(false);
                assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem"))
                        .as(what)
                        .isEqualTo(true);
                assertThat(Yaml.listAt(container, "securityContext.capabilities.drop"))
                        .as(what)
                        .containsExactly("ALL");
                var tmp = Yaml.listAt(container, "volumeMounts").stream()
                        .filter(mount -> "/tmp".equals(Yaml.stringAt(mount, "mountPath")))
                        .map(mount -> Yaml.stringAt(mount, "name"))
                        .toList();
                assertThat(tmp).as(what + " mounts a writable /tmp").hasSize(1);
                assertThat(Yaml.listAt(pod, "volumes")).as(what).anySatisfy(volume -> {
                    assertThat(Yaml.stringAt(volume, "name")).isEqualTo(tmp.getFirst());
                    assertThat(Yaml.at(volume, "emptyDir")).isNotNull();
                });
                assertThat(Yaml.stringAt(container, "resources.requests.memory"))
                        .as(what)
                        .isNotNull();
                assertThat(Yaml.stringAt(container, "resources.requests.cpu"))
                        .as(what)
                        .isNotNull();
                assertThat(Yaml.stringAt(container, "resources.limits.memory"))
                        .as(what)
                        .isNotNull();
            }
        });
    }

    @Test
    void shouldRunSeveralCoordinatorsAndNeverDrainTheLast() {
        overlays.forEach((overlay, manifests) -> {
            var coordinator = manifests.get("Deployment", "tx-coordinator");
            assertThat((Integer) Yaml.at(coordinator, "spec.replicas"))
                    .as(overlay + ": coordinator replicas")
                    .isGreaterThanOrEqualTo(2);
            assertThat(manifests.find("HorizontalPodAutoscaler", "tx-coordinator"))
                    .as("the coordinator's replica count is set, not scaled on CPU")
                    .isEmpty();
            assertThat(Yaml.at(manifests.get("PodDisruptionBudget", "tx-coordinator"), "spec.minAvailable"))
                    .isEqualTo(1);
        });
    }

    @Test
    void shouldBudgetDisruptionsForEveryServiceAndAutoscaleTheGatewayAndTheParticipants() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var budget = manifests.get("PodDisruptionBudget", module);
                assertThat(Yaml.mapAt(budget, "spec.selector.matchLabels"))
                        .as(overlay + ": " + module + "'s PodDisruptionBudget selects its pods")
                        .isEqualTo(Yaml.mapAt(manifests.get("Deployment", module), "spec.selector.matchLabels"));
            }
            var scaled = new ArrayList<>(ServiceConfiguration.PARTICIPANTS);
            scaled.add("api-gateway");
            for (var module : scaled) {
                var autoscaler = manifests.get("HorizontalPodAutoscaler", module);
                assertThat(Yaml.stringAt(autoscaler, "spec.scaleTargetRef.kind"))
                        .isEqualTo("Deployment");
                assertThat(Yaml.stringAt(autoscaler, "spec.scaleTargetRef.name"))
                        .isEqualTo(module);
                assertThat((Integer) Yaml.at(autoscaler, "spec.maxReplicas"))
                        .isGreaterThan((Integer) Yaml.at(autoscaler, "spec.minReplicas"));
                assertThat(Yaml.at(manifests.get("Deployment", module), "spec.replicas"))
                        .as(overlay + ": " + module + "'s replicas are the autoscaler's to set")
                        .isNull();
            }
        });
    }

    @Test
    void shouldLetOnlyTheGatewayBeReachedFromOutsideTheSuite() {
        overlays.forEach((overlay, manifests) -> {
            var denyAll = manifests.get("NetworkPolicy", "default-deny-ingress");
            assertThat(Yaml.mapAt(denyAll, "spec.podSelector")).as("every pod").isEmpty();
            assertThat(Yaml.listAt(denyAll, "spec.ingress")).isEmpty();

            var gateway = manifests.get("NetworkPolicy", "api-gateway");
            assertThat(Yaml.listAt(gateway, "spec.ingress"))
                    .singleElement()
                    .satisfies(rule -> assertThat(Yaml.at(rule, "from")).isNull());

            var pods = new HashSet<>(ServiceConfiguration.SERVICES);
            for (var module : ServiceConfiguration.SERVICES) {
                if (module.equals("api-gateway")) {
                    continue;
                }
                var policy = manifests.get("NetworkPolicy", module);
                assertThat(Yaml.mapAt(policy, "spec.podSelector.matchLabels")).containsEntry("app", module);
                for (var rule : Yaml.listAt(policy, "spec.ingress")) {
                    var sources = Yaml.listAt(rule, "from");
                    assertThat(sources)
                            .as(overlay + ": " + module + " is reached only from named pods")
                            .isNotEmpty();
                    for (var source : sources) {
                        assertThat(Yaml.mapAt(source, "podSelector.matchLabels"))
                                .as(overlay + ": who may call " + module)
                                .containsOnlyKeys("app");
                        assertThat(pods).contains(Yaml.stringAt(source, "podSelector.matchLabels.app"));
                    }
                }
            }
            // the protocol endpoints: the coordinator reaches every participant, and each participant the others
            // (3PC's termination protocol) and the coordinator (an in-doubt branch asks for the outcome)
            for (var participant : ServiceConfiguration.PARTICIPANTS) {
                var callers = callersOf(manifests, participant);
                assertThat(callers).as(overlay + ": who reaches " + participant).contains("tx-coordinator");
                ServiceConfiguration.PARTICIPANTS.stream()
                        .filter(other -> !other.equals(participant))
                        .forEach(other -> assertThat(callers).contains(other));
                assertThat(callersOf(manifests, "tx-coordinator")).contains(participant);
            }
        });
    }

    @Test
    void shouldKeepEverySecretValueOutOfTheProductionOverlay() {
        var production = overlays.get("production");
        assertThat(production.ofKind("Secret"))
                .as("Secrets the production overlay would create")
                .isEmpty();
        var operations = Repository.read(Repository.file("docs/operations.md"));
        for (var module : ServiceConfiguration.SERVICES) {
            production.environment(production.get("Deployment", module)).forEach((variable, value) -> {
                if (variable.matches(".*(PASSWORD|USERNAME|SECRET|TOKEN).*")) {
                    assertThat(value)
                            .as(module + "'s " + variable + " comes from a Secret")
                            .startsWith("secret:");
                    var secret = value.substring("secret:".length(), value.indexOf('/'));
                    assertThat(operations)
                            .as("docs/operations.md says how to create the Secret " + secret)
                            .contains(secret);
                }
            });
        }
        for (var configMap : production.ofKind("ConfigMap")) {
            assertThat(Yaml.mapAt(configMap, "data").keySet())
                    .as("no credential in a ConfigMap")
                    .noneMatch(key -> key.matches(".*(PASSWORD|SECRET|TOKEN).*"));
        }
    }

    @Test
    void shouldRunPostgresAndKafkaInTheLocalOverlayAndReferToThemInProduction() {
        var local = overlays.get("local");
        var production = overlays.get("production");
        for (var name : BACKING_SERVICES) {
            assertThat(local.get("StatefulSet", name)).isNotNull();
            assertThat(Yaml.stringAt(local.get("Service", name), "spec.clusterIP"))
                    .isEqualTo("None");
            assertThat(production.find("StatefulSet", name)).isEmpty();
            assertThat(Yaml.stringAt(production.get("Service", name), "spec.type"))
                    .isEqualTo("ExternalName");
        }
        assertThat(production.ofKind("StatefulSet")).isEmpty();
        assertThat(production.ofKind("PersistentVolumeClaim")).isEmpty();
    }

    @Test
    void shouldRunProductionWithTheProdProfileAndWithoutDemoData() {
        var production = overlays.get("production");
        for (var module : ServiceConfiguration.SERVICES) {
            var environment = production.environment(production.get("Deployment", module));
            assertThat(environment).as(module).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            assertThat(environment).as(module).doesNotContainEntry("TXSUITE_FAULTS_ENABLED", "true");
            if (ServiceConfiguration.of(module).reads("DEMO_DATA")) {
                assertThat(environment).as(module).containsEntry("DEMO_DATA", "false");
            }
        }
        var local = overlays.get("local");
        assertThat(local.environment(local.get("Deployment", "order-service")))
                .doesNotContainKey("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void shouldSetOnlyVariablesTheServicesRead() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                var environment = manifests.environment(manifests.get("Deployment", module));
                assertThat(ServiceConfiguration.of(module).unread(environment.keySet()))
                        .as("variables the " + overlay + " overlay sets for " + module + " that it never reads")
                        .isEmpty();
            }
        });
    }

    @Test
    void shouldPointEveryAddressAtAServiceThatListensThere() {
        overlays.forEach((overlay, manifests) -> {
            for (var module : ServiceConfiguration.SERVICES) {
                manifests.environment(manifests.get("Deployment", module)).forEach((variable, value) -> {
                    var address = value.replaceFirst("^jdbc:", "");
                    if (!address.matches("[a-z]+://.*") && !variable.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                        return;
                    }
                    var target = URI.create(address.contains("://") ? address : "kafka://" + address);
                    var service = manifests.get("Service", target.getHost());
                    if (!"ExternalName".equals(Yaml.stringAt(service, "spec.type"))) {
                        assertThat(Yaml.listAt(service, "spec.ports"))
                                .as(overlay + ": " + module + "'s " + variable + " = " + value)
                                .anySatisfy(port ->
                                        assertThat(Yaml.at(port, "port")).isEqualTo(target.getPort()));
                    }
                });
            }
        });
    }

    private static List<String> callersOf(Manifests manifests, String module) {
        return Yaml.listAt(manifests.get("NetworkPolicy", module), "spec.ingress").stream()
                .flatMap(rule -> Yaml.listAt(rule, "from").stream())
                .map(source -> Yaml.stringAt(source, "podSelector.matchLabels.app"))
                .toList();
    }
}
