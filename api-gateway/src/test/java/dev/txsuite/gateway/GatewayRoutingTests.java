package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

    private static final RecordingBackend ORDERS = RecordingBackend.start("orders");
    private static final RecordingBackend INVENTORY = RecordingBackend.start("inventory");
    private static final RecordingBackend PAYMENT = RecordingBackend.start("payment");

    @Autowired
    private WebTestClient client;

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

    @Test
    void shouldForwardProductRequestsToInventory() {
        client.get()
                .uri("/api/products/COFFEE-BEANS-1KG")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo("inventory");

        assertThat(INVENTORY.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri()).isEqualTo("/api/products/COFFEE-BEANS-1KG");
        });
        assertThat(ORDERS.received()).isEmpty();
        assertThat(PAYMENT.received()).isEmpty();
    }

    @Test
    void shouldForwardEveryPublicPathToItsService() {
        client.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"alice\"}")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/api/orders/42").exchange().expectStatus().isOk();
        client.get()
                .uri("/api/orders?customerId=alice")
                .exchange()
                .expectStatus()
                .isOk();
        client.get().uri("/api/products").exchange().expectStatus().isOk();
        client.get().uri("/api/accounts/alice").exchange().expectStatus().isOk();

        assertThat(ORDERS.received())
                .extracting(RecordingBackend.Received::method, RecordingBackend.Received::uri)
                .containsExactly(
                        tuple("POST", "/api/orders"),
                        tuple("GET", "/api/orders/42"),
                        tuple("GET", "/api/orders?customerId=alice"));
        assertThat(INVENTORY.received())
                .extracting(RecordingBackend.Received::uri)
                .containsExactly("/api/products");
        assertThat(PAYMENT.received())
                .extracting(RecordingBackend.Received::uri)
                .containsExactly("/api/accounts/alice");
    }

    @Test
    void shouldNeverRouteTheProtocolEndpoints() {
        expectUnrouted(HttpMethod.POST, "/tx/branches/t1/prepare");
        expectUnrouted(HttpMethod.POST, "/tx/branches/t1/commit");
        expectUnrouted(HttpMethod.GET, "/tx/branches/t1");
        expectUnrouted(HttpMethod.POST, "/tx/transactions");

        assertThatNoBackendWasCalled();
    }

    @Test
    void shouldNeverRouteTheActuatorsOfTheServices() {
        expectUnrouted(HttpMethod.GET, "/actuator/env");
        expectUnrouted(HttpMethod.GET, "/actuator/prometheus");
        expectUnrouted(HttpMethod.GET, "/api/actuator/health");
        // the gateway's own health answers; no service behind it sees the call
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertThatNoBackendWasCalled();
    }

    @Test
    void shouldNotRoutePathsThatOnlyStartLikeAPublicOne() {
        expectUnrouted(HttpMethod.GET, "/api/ordersX");
        expectUnrouted(HttpMethod.GET, "/api/productsanything");
        expectUnrouted(HttpMethod.GET, "/api");
        expectUnrouted(HttpMethod.GET, "/");
        // only ./suite bench routes the baseline (GatewayBaselineRouteTests)
        expectUnrouted(HttpMethod.POST, "/baseline/api/orders");

        assertThatNoBackendWasCalled();
    }

    @Test
    void shouldRefusePathsThatAServiceWouldResolveElsewhere() {
        Stream.of(
                        "/api/orders/../../tx/transactions",
                        "/api/orders/%2e%2e/%2e%2e/tx/transactions",
                        "/api/orders/..;/..;/tx/transactions",
                        "/api/orders/..%2f..%2ftx/transactions",
                        "/api/orders/%252e%252e/tx",
                        "/api/orders/./42")
                .forEach(path -> client.post()
                        .uri(path)
                        .exchange()
                        .expectStatus()
                        .isBadRequest()
                        .expectHeader()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("https://txsuite.dev/problems/invalid-path"));

        assertThatNoBackendWasCalled();
    }

    @Test
    void shouldAddARequestIdAndReturnIt() {
        var requestId = client.get()
                .uri("/api/accounts/alice")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIdFilter.HEADER);

        assertThat(requestId).isNotBlank();
        assertThat(PAYMENT.received())
                .singleElement()
                .extracting(RecordingBackend.Received::requestId)
                .isEqualTo(requestId);
    }

    @Test
    void shouldKeepTheClientsRequestId() {
        client.get()
                .uri("/api/products/MUG-CERAMIC")
                .header(RequestIdFilter.HEADER, "client-chosen-42")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(RequestIdFilter.HEADER, "client-chosen-42");

        assertThat(INVENTORY.received())
                .singleElement()
                .extracting(RecordingBackend.Received::requestId)
                .isEqualTo("client-chosen-42");
    }

    @Test
    void shouldReplaceARequestIdThatIsNotAnId() {
        var requestId = client.get()
                .uri("/api/products/MUG-CERAMIC")
                .header(RequestIdFilter.HEADER, "<script>alert(1)</script> and free text")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIdFilter.HEADER);

        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(INVENTORY.received())
                .singleElement()
                .extracting(RecordingBackend.Received::requestId)
                .isEqualTo(requestId);
    }

    @Test
    void shouldGiveAnUnroutedRequestAnIdToo() {
        client.get().uri("/tx/transactions").exchange().expectHeader().exists(RequestIdFilter.HEADER);
    }

    private void expectUnrouted(HttpMethod method, String path) {
        client.method(method)
                .uri(path)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    private static void assertThatNoBackendWasCalled() {
        assertThat(ORDERS.received()).isEmpty();
        assertThat(INVENTORY.received()).isEmpty();
        assertThat(PAYMENT.received()).isEmpty();
    }
}
