package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's rate limiter and circuit breakers, one of each per route, with limits small enough to reach in a
 * test: 3 orders per hour, and a products circuit that opens after 4 requests got no answer and stays open.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "GATEWAY_RESPONSE_TIMEOUT=1s",
            "GATEWAY_RATE_LIMIT_ORDERS=3",
            "resilience4j.ratelimiter.instances.orders.limit-refresh-period=1h",
            "resilience4j.circuitbreaker.instances.products.sliding-window-type=COUNT_BASED",
            "resilience4j.circuitbreaker.instances.products.sliding-window-size=4",
            "resilience4j.circuitbreaker.instances.products.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.instances.products.wait-duration-in-open-state=1h"
        })
@AutoConfigureWebTestClient
class GatewayResilienceTests {

    private static final RecordingBackend ORDERS = RecordingBackend.start("orders");
    private static final RecordingBackend INVENTORY = RecordingBackend.start("inventory");
    private static final RecordingBackend PAYMENT = RecordingBackend.start("payment");

    /** The problem the gateway answers for a route. */
    record Problem(String type, String title, int status, String detail, String service) {}

    @Autowired
    private WebTestClient client;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("ORDER_SERVICE_URL", ORDERS::url);
        registry.add("INVENTORY_SERVICE_URL", INVENTORY::url);
        registry.add("PAYMENT_SERVICE_URL", PAYMENT::url);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Stream.of(ORDERS, INVENTORY, PAYMENT).forEach(RecordingBackend::forget);
    }

    @AfterEach
    void healTheBackends() {
        PAYMENT.answerHeldRequests();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void shouldRefuseABurstBeyondTheRateLimitWith429AndForwardNothingOfIt() {
        var statuses = IntStream.range(0, 5)
                .mapToObj(attempt -> placeOrder().expectBody().returnResult().getStatus())
                .toList();

        assertThat(statuses)
                .containsExactly(
                        HttpStatus.OK,
                        HttpStatus.OK,
                        HttpStatus.OK,
                        HttpStatus.TOO_MANY_REQUESTS,
                        HttpStatus.TOO_MANY_REQUESTS);
        var refused = placeOrder()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "3600")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused.type()).isEqualTo("https://txsuite.dev/problems/too-many-requests");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.service()).isEqualTo("order-service");
        assertThat(ORDERS.received())
                .as("only the requests within the limit reached order-service")
                .hasSize(3);
    }

    @Test
    void shouldAnswer503ForAServiceThatIsDownAndStopTryingItOnceTheCircuitOpens() {
        INVENTORY.stop();
        try {
            for (var attempt = 0; attempt < 4; attempt++) {
                var problem = expectUnavailable("/api/products/MUG-CERAMIC");
                assertThat(problem.detail()).contains("cannot be reached");
            }
            assertThat(breakers.circuitBreaker("products").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        } finally {
            INVENTORY.restart();
        }

        // inventory is back, but the open circuit answers at once, without trying it
        for (var attempt = 0; attempt < 3; attempt++) {
            assertThat(expectUnavailable("/api/products").detail()).contains("circuit breaker is open");
        }
        assertThat(INVENTORY.received()).isEmpty();
        assertThat(breakers.circuitBreaker("accounts").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldAnswer504WhenAServiceTakesLongerThanTheResponseTimeout() {
        PAYMENT.holdAnswers();

        var problem = client.get()
                .uri("/api/accounts/alice")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();

        assertThat(problem.type()).isEqualTo("https://txsuite.dev/problems/gateway-timeout");
        assertThat(problem.service()).isEqualTo("payment-service");
        assertThat(PAYMENT.received()).as("the request reached the service").hasSize(1);
    }

    private WebTestClient.ResponseSpec placeOrder() {
        return client.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"alice\",\"items\":[{\"sku\":\"MUG-CERAMIC\",\"quantity\":1}]}")
                .exchange();
    }

    private Problem expectUnavailable(String path) {
        var problem = client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.type()).isEqualTo("https://txsuite.dev/problems/service-unavailable");
        assertThat(problem.service()).isEqualTo("inventory-service");
        return problem;
    }
}
