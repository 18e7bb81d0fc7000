package dev.txsuite.payment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@PaymentServiceTest
class ProbesTests {

    @Autowired
    RestTestClient client;

    @Test
    void shouldAnswerLivenessAndReadinessProbesSeparately() {
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
    void shouldExposeNoActuatorEndpointButHealth() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/beans").exchange().expectStatus().isNotFound();
    }
}
