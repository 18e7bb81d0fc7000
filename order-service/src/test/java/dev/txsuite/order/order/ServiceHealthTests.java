package dev.txsuite.order.order;

import org.junit.jupiter.api.Test;

class ServiceHealthTests extends RunningOrderService {

    @Test
    void shouldExposeSeparateLivenessAndReadinessProbes() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void shouldExposeNoOtherActuatorEndpoint() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/circuitbreakers").exchange().expectStatus().isNotFound();
    }
}
