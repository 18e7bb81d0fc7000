package dev.txsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker/Dockerfile: the image every service runs in, checked without building it (no Docker engine here). */
class ContainerImageTests {

    /** How the image splits a runnable jar into layers; {@link ServiceFromComposeEnvironmentTests} does the same. */
    static final String EXTRACT_LAYERS = "extract --layers --application-filename application.jar";

    static final List<String> LAYERS_IN_ORDER =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void shouldRunOnTheTemurin25JreAsANumericUserOtherThanRoot() {
        assertThat(dockerfile.runtime().from()).isEqualTo("eclipse-temurin:25-jre");
        var user = dockerfile.runtime().single("USER");
        // numeric, so that Kubernetes' runAsNonRoot can check it without the image's /etc/passwd
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
    }

    @Test
    void shouldShipTheJarAsSpringBootLayersFromTheLeastToTheMostOftenChanged() {
        var extraction = dockerfile.stages().stream()
                .flatMap(stage -> stage.argumentsOf("RUN").stream())
                .filter(run -> run.contains("-Djarmode=tools"))
                .toList();
        assertThat(extraction).singleElement().asString().contains(EXTRACT_LAYERS);

        var copiedLayers = dockerfile.runtime().argumentsOf("COPY").stream()
                .filter(copy -> copy.contains("/extracted/"))
                .map(copy -> copy.replaceAll(".*/extracted/([a-z-]+)/.*", "$1"))
                .toList();
        assertThat(copiedLayers).containsExactlyElementsOf(LAYERS_IN_ORDER);
        assertThat(dockerfile.entrypoint()).containsSubsequence("java", "-jar", "application.jar");
    }

    @Test
    void shouldReportHealthyOnlyWhenTheServiceIsReady() {
        var healthcheck = dockerfile.runtime().single("HEALTHCHECK");
        assertThat(healthcheck).contains("--start-period=").endsWith("CMD [\"healthcheck\"]");
        assertThat(dockerfile.runtime().argumentsOf("COPY"))
                .contains("--chmod=555 docker/healthcheck /usr/local/bin/healthcheck");
        var script = Repository.file("docker/healthcheck");
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Repository.read(script))
                .contains("/actuator/health/readiness")
                .contains("SERVER_PORT");
        // the port the check asks is the one the service listens on
        assertThat(dockerfile.runtime().argumentsOf("ENV")).contains("SERVER_PORT=${PORT}");
        assertThat(dockerfile.runtime().argumentsOf("EXPOSE")).containsExactly("${PORT}");
    }

    @Test
    void shouldLeaveBuildOutputAndSecretsOutOfTheBuildContext() {
        var ignored = Repository.read(Repository.file("docker/Dockerfile.dockerignore"))
                .lines()
                .toList();
        assertThat(ignored).contains("**/target/", ".git/", ".env");
    }
}
