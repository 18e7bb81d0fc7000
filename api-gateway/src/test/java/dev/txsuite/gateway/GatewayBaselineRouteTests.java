package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With {@code txsuite.gateway.baseline-url} set, as ./suite bench sets it: the baseline behind the gateway. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayBaselineRouteTests {

    private static final RecordingBackend BASELINE = RecordingBackend.start("baseline");
    private static final RecordingBackend ORDERS = RecordingBackend.start("orders");

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("txsuite.gateway.baseline-url", BASELINE::url);
        registry.add("ORDER_SERVICE_URL", ORDERS::url);
    }

    @Test
    void shouldForwardTheBaselinesOrdersAndProductsWithoutItsPrefix() {
        client.post()
                .uri("/baseline/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"alice\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo("baseline");
        client.get().uri("/baseline/api/products").exchange().expectStatus().isOk();
        client.get().uri("/baseline/api/accounts").exchange().expectStatus().isNotFound();

        assertThat(BASELINE.received())
                .extracting(RecordingBackend.Received::method, RecordingBackend.Received::uri)
                .containsExactly(tuple("POST", "/api/orders"), tuple("GET", "/api/products"));
        assertThat(ORDERS.received()).isEmpty();
    }
}
