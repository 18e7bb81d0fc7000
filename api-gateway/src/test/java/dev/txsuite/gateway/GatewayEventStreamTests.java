package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The coordinator's event stream through the gateway: each event reaches the dashboard when it is sent, however
 * long the stream stays open and however long the service is silent, beyond the response timeout (1 s here) and
 * the circuit breaker's slow-call threshold (3 s here).
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "GATEWAY_RESPONSE_TIMEOUT=1s",
            "resilience4j.circuitbreaker.instances.admin-stream.slow-call-duration-threshold=3s"
        })
class GatewayEventStreamTests {

    private static final EventStreamBackend COORDINATOR = EventStreamBackend.start();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() {};

    @LocalServerPort
    private int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("COORDINATOR_URL", COORDINATOR::url);
    }

    @Test
    void shouldPassEachEventOnWhenSentHoweverLongTheStreamLasts() {
        var received = new CopyOnWriteArrayList<ServerSentEvent<String>>();
        var failure = new AtomicReference<Throwable>();
        var ended = new AtomicBoolean();
        WebClient.create("http://localhost:" + port)
                .get()
                .uri("/api/transactions/stream")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(EVENT)
                .subscribe(received::add, failure::set, () -> ended.set(true));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !COORDINATOR.requests().isEmpty());

        // silent for longer than the response timeout: nothing cuts the stream
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> failure.get() == null && !ended.get());
        COORDINATOR.send("tx", "{\"txId\":\"tx-1\",\"type\":\"begun\"}");
        await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);

        // each event arrives before the next is sent: nothing is buffered on the way
        await().during(Duration.ofMillis(2000))
                .atMost(Duration.ofSeconds(3))
                .until(() -> failure.get() == null && received.size() == 1);
        COORDINATOR.send("stats", "{\"inFlight\":1}");
        await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 2);
        COORDINATOR.send("tx", "{\"txId\":\"tx-1\",\"type\":\"decided\"}");
        await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 3);
        COORDINATOR.end();
        await().atMost(Duration.ofSeconds(2)).untilTrue(ended);

        assertThat(failure.get()).isNull();
        assertThat(received)
                .extracting(ServerSentEvent::event, ServerSentEvent::data)
                .containsExactly(
                        tuple("tx", "{\"txId\":\"tx-1\",\"type\":\"begun\"}"),
                        tuple("stats", "{\"inFlight\":1}"),
                        tuple("tx", "{\"txId\":\"tx-1\",\"type\":\"decided\"}"));
        assertThat(COORDINATOR.requests())
                .singleElement()
                .satisfies(
                        request -> assertThat(request.getFirst("X-Admin-User")).isEqualTo("admin"));
        var metrics = breakers.circuitBreaker("admin-stream").getMetrics();
        assertThat(metrics.getNumberOfSlowCalls())
                .as("a long stream is not a slow call")
                .isZero();
        assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(metrics.getNumberOfFailedCalls()).isZero();
    }
}
