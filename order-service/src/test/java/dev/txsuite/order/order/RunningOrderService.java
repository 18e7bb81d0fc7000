package dev.txsuite.order.order;

import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.FreshKafkaConfiguration;
import dev.txsuite.testing.OrderRequests;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order service running on a random port against a fresh PostgreSQL database and the test JVM's Kafka
 * broker (its outbox relaying through an {@link InterruptibleRelay}), with real HTTP servers
 * standing in for inventory-service, payment-service and tx-coordinator. Every test class extends it, so they
 * all share one Spring context (and one database): tests compare row counts, they never assume empty tables.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "txsuite.orders.vote-timeout=1000ms",
            "txsuite.orders.request-deadline=2s",
            "txsuite.orders.idempotency-wait=500ms",
            "txsuite.events.relay-backoff=500ms",
            // the scripted coordinator answers what each test tells it; the order branch's own timer must not
            // ask it for outcomes behind the test's back (tx-participant's tests cover the timer)
            "txsuite.participant.ready-timeout=10m",
            // likewise the job that settles orders held for a 202: the tests that need it run it themselves
            "txsuite.orders.settle-interval=1h"
        })
@Import({FreshDatabaseConfiguration.class, FreshKafkaConfiguration.class, InterruptibleRelay.Configuration.class})
@AutoConfigureRestTestClient
abstract class RunningOrderService {

    static final FakeService INVENTORY = FakeService.start("inventory-service");
    static final FakeService PAYMENT = FakeService.start("payment-service");
    static final FakeService COORDINATOR = FakeService.start("tx-coordinator");

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Demo products: sku -> (name, price in cents, currency). */
    private static final Map<String, String> PRODUCTS = Map.of(
            "COFFEE-BEANS-1KG", product("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 1800, "USD"),
            "MUG-CERAMIC", product("MUG-CERAMIC", "Ceramic mug", 1200, "USD"),
            "KETTLE-ELECTRIC", product("KETTLE-ELECTRIC", "Electric kettle", 4500, "USD"),
            "EURO-MUG", product("EURO-MUG", "Mug sold in euros", 1100, "EUR"));

    private static final Map<String, String> ACCOUNTS = Map.of(
            "alice", account("alice", 100000, "USD"),
            "bob", account("bob", 25000, "USD"));

    private static final Pattern PRODUCT_PATH = Pattern.compile("/api/products/([^/]+)");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/api/accounts/([^/]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    RestTestClient client;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @Autowired
    InterruptibleRelay relay;

    @Autowired
    RecentLookups<InventoryCatalog.Product> prices;

    @Autowired
    RecentLookups<PaymentAccounts.Account> accounts;

    @LocalServerPort
    private int port;

    JdbcClient jdbc;

    @DynamicPropertySource
    static void otherServices(DynamicPropertyRegistry registry) {
        registry.add("INVENTORY_SERVICE_URL", INVENTORY::url);
        registry.add("PAYMENT_SERVICE_URL", PAYMENT::url);
        registry.add("COORDINATOR_URL", COORDINATOR::url);
    }

    @BeforeEach
    void resetTheOtherServices() {
        jdbc = JdbcClient.create(dataSource);
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        relay.resume();
        // the fake inventory answers afresh in every test: so must the catalog
        prices.forgetAll();
        accounts.forgetAll();
        INVENTORY.forget();
        PAYMENT.forget();
        COORDINATOR.forget();
        INVENTORY.answer(request -> lookUp(PRODUCT_PATH, PRODUCTS, request));
        PAYMENT.answer(request -> lookUp(ACCOUNT_PATH, ACCOUNTS, request));
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "COMMIT", null));
    }

    /**
     * What a coordinator would do with the order's branch: PREPARE it at this service over HTTP, then answer
     * {@code decision} without sending phase two, so the service must settle its own branch.
     */
    FakeService.Response decideAfterPreparingTheOrder(FakeService.Request request, String decision, String reason) {
        var transaction = JSON.readTree(request.body());
        var txId = transaction.get("txId").asString();
        var vote = prepareAtOrderParticipant(txId, orderPayloadOf(transaction));
        if (!"YES".equals(vote.get("vote").asString())) {
            return decided(txId, "ABORT", vote.get("reason").asString());
        }
        return decided(txId, decision, reason);
    }

    /** The coordinator's answer to POST /tx/transactions; {@code decision} null while undecided. */
    record CoordinatorAnswer(String txId, String protocol, String state, String decision, String reason) {}

    static FakeService.Response decided(String txId, String decision, String reason) {
        var state = "COMMIT".equals(decision) ? "COMMITTING" : "ABORTING";
        return FakeService.Response.json(
                JSON.writeValueAsString(new CoordinatorAnswer(txId, "2PC", state, decision, reason)));
    }

    static JsonNode orderPayloadOf(JsonNode transaction) {
        for (var branch : transaction.get("branches")) {
            if ("order".equals(branch.get("participant").asString())) {
                return branch.get("payload");
            }
        }
        throw new AssertionError("no order branch in " + transaction);
    }

    /** POST /tx/branches/{txId}/prepare at this service, as the coordinator sends it. */
    JsonNode prepareAtOrderParticipant(String txId, JsonNode payload) {
        return sendToOrderParticipant(
                txId, "prepare", "{\"epoch\":1,\"protocol\":\"2PC\",\"payload\":" + payload + "}");
    }

    JsonNode sendToOrderParticipant(String txId, String message, String body) {
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/tx/branches/" + txId + "/" + message))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RestTestClient.ResponseSpec placeOrder(String body) {
        return OrderRequests.placeOrder(client, body, null);
    }

    RestTestClient.ResponseSpec placeOrder(String body, String idempotencyKey) {
        return OrderRequests.placeOrder(client, body, idempotencyKey);
    }

    long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The order as the public API shows it, expecting that it is there. */
    RestTestClient.BodyContentSpec orderAsShown(String orderId) {
        return client.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    String statusOfOrder(String orderId) {
        return jdbc.sql("select status from orders where order_id = ?::uuid")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    static <T> T body(RestTestClient.ResponseSpec response, Function<JsonNode, T> read) {
        var bytes = response.expectBody().returnResult().getResponseBody();
        return read.apply(JSON.readTree(bytes));
    }

    private static FakeService.Response lookUp(Pattern path, Map<String, String> known, FakeService.Request request) {
        var matcher = path.matcher(request.path());
        if (!matcher.matches() || !known.containsKey(matcher.group(1))) {
            return FakeService.Response.notFound();
        }
        return FakeService.Response.json(known.get(matcher.group(1)));
    }

    private static String product(String sku, String name, long priceCents, String currency) {
        return JSON.writeValueAsString(Map.of(
                "sku", sku,
                "name", name,
                "priceCents", priceCents,
                "currency", currency,
                "onHand", 100,
                "reserved", 0,
                "available", 100));
    }

    private static String account(String customerId, long balanceCents, String currency) {
        return JSON.writeValueAsString(Map.of(
                "customerId", customerId,
                "balanceCents", balanceCents,
                "heldCents", 0,
                "availableCents", balanceCents,
                "currency", currency));
    }

    static FakeService.Response undecided(String txId) {
        return FakeService.Response.json(
                JSON.writeValueAsString(new CoordinatorAnswer(txId, "2PC", "PREPARING", null, null)));
    }

    /**
     * A coordinator that answers the begin while the transaction is undecided (the order is answered 202), and says
     * it aborted (COORDINATOR_RECOVERY) when asked later.
     */
    static FakeService.Response undecidedUntilAskedThenAborted(FakeService.Request request) {
        if (request.method().equals("POST")) {
            return undecided(txIdOf(request));
        }
        var txId = request.path().substring(request.path().lastIndexOf('/') + 1);
        return FakeService.Response.json("""
                {"txId":"%s","protocol":"2PC","state":"ABORTED","decision":"ABORT",\
                "reason":"COORDINATOR_RECOVERY","epoch":1}""".formatted(txId));
    }

    static String txIdOf(FakeService.Request request) {
        return JSON.readTree(request.body()).get("txId").asString();
    }

    long rowsOf(String txId) {
        return jdbc.sql("select count(*) from orders where tx_id = ?")
                .param(txId)
                .query(Long.class)
                .single();
    }
}
