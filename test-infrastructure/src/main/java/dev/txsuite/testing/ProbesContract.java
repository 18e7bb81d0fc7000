package dev.txsuite.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every service's actuator must answer (DESIGN.md: liveness and readiness on separate endpoints, nothing else
 * exposed). A service's {@code ProbesTests} extends it and adds its own Spring test annotation.
 */
public abstract class ProbesContract {

    @Autowired
    protected RestTestClient client;

    @Test
    public void shouldAnswerLivenessAndReadinessProbesSeparately() {
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"status":"UP"}""");
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"status":"UP"}""");
    }

    @Test
    public void shouldExposeNoActuatorEndpointButHealth() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
    }
}
