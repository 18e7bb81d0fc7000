package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.launcher.SuiteService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public contract (DESIGN.md section 3) as a client sees it: the five services run as real processes on
 * fresh databases, every call goes through the gateway, and the databases are checked behind the services'
 * backs. One suite for the whole class; the methods run in order because later ones stop and restart
 * services, and the last one checks the invariants over everything the others did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaceOrderThroughGatewayIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);

    private EndToEndSuite suite;
    private GatewayClient gateway;
    private InvariantChecker databases;
    private InvariantChecker.Snapshot start;

    @BeforeAll
    void startTheSuite() {
        suite = EndToEndSuite.start();
        gateway = new GatewayClient(suite.gatewayUri());
        databases = new InvariantChecker(suite);
        start = databases.snapshot();
    }

    @AfterAll
    void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void shouldConfirmAnOrderAndTakeTheStockAndTheMoney() {
        var mugsBefore = gateway.get("/api/products/MUG-CERAMIC");
        var aliceBefore = gateway.get("/api/accounts/alice");
        assertThat(mugsBefore.status()).as("%s", mugsBefore).isEqualTo(200);
        assertThat(aliceBefore.status()).as("%s", aliceBefore).isEqualTo(200);

        var placed = gateway.placeOrder(OrderRequest.of("alice", 2, "MUG-CERAMIC"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        var orderId = placed.text("orderId");
        assertThat(orderId).as("orderId of %s", placed).isNotBlank();
        assertThat(placed.text("status")).isEqualTo("CONFIRMED");
        assertThat(placed.number("totalCents")).isEqualTo(2400);
        assertThat(placed.text("currency")).isEqualTo("USD");
        assertThat(placed.text("protocol")).isEqualTo("2PC");
        assertThat(placed.text("transactionId"))
                .as("transactionId of %s", placed)
                .isNotBlank();
        assertThat(placed.json().path("items").size()).isEqualTo(1);
        assertThat(placed.location()).as("Location of %s", placed).endsWith("/api/orders/" + orderId);

        assertThat(gateway.uri().resolve(placed.location()).getAuthority())
                .as("a client can follow the Location through the gateway: %s", placed.location())
                .isEqualTo(gateway.uri().getAuthority());
        var followed = gateway.get(placed.location());
        assertThat(followed.status())
                .as("GET %s -> %s", placed.location(), followed)
                .isEqualTo(200);
        assertThat(followed.text("orderId")).isEqualTo(orderId);
        assertThat(followed.text("status")).isEqualTo("CONFIRMED");

        var mugsAfter = gateway.get("/api/products/MUG-CERAMIC");
        assertThat(mugsAfter.number("onHand")).isEqualTo(mugsBefore.number("onHand") - 2);
        var aliceAfter = gateway.get("/api/accounts/alice");
        assertThat(aliceAfter.number("balanceCents")).isEqualTo(aliceBefore.number("balanceCents") - 2400);

        assertThat(databases.orderStatus(orderId)).contains("CONFIRMED");
        assertThat(databases.transactionIdOfOrder(orderId)).contains(placed.text("transactionId"));
        assertThat(databases.reserved("MUG-CERAMIC")).isZero();
        assertThat(databases.held("alice")).isZero();
    }

    @Test
    @Order(2)
    void shouldRejectAnOrderForMoreThanIsInStockAndMoveNothing() {
        var stockBefore = databases.onHand("DRIPPER-LIMITED");
        var balanceBefore = databases.balance("alice");

        var rejected = gateway.placeOrder(OrderRequest.of("alice", 3, "DRIPPER-LIMITED"));

        assertRejectedWithOrderKept(rejected, "OUT_OF_STOCK");
        assertThat(databases.onHand("DRIPPER-LIMITED")).isEqualTo(stockBefore);
        assertThat(gateway.get("/api/products/DRIPPER-LIMITED").number("onHand"))
                .isEqualTo(stockBefore);
        assertThat(databases.balance("alice")).isEqualTo(balanceBefore);
        awaitNothingTentative("DRIPPER-LIMITED", "alice");
    }

    @Test
    @Order(3)
    void shouldRejectAnOrderTheCustomerCannotPayForAndMoveNothing() {
        var stockBefore = databases.onHand("GRINDER-BURR");
        var balanceBefore = databases.balance("dave");

        var rejected = gateway.placeOrder(OrderRequest.of("dave", 1, "GRINDER-BURR"));

        assertRejectedWithOrderKept(rejected, "INSUFFICIENT_FUNDS");
        assertThat(databases.onHand("GRINDER-BURR")).isEqualTo(stockBefore);
        assertThat(databases.balance("dave")).isEqualTo(balanceBefore);
        assertThat(gateway.get("/api/accounts/dave").number("balanceCents")).isEqualTo(balanceBefore);
        awaitNothingTentative("GRINDER-BURR", "dave");
    }

    @Test
    @Order(4)
    void shouldAnswerARepeatedIdempotencyKeyWithTheFirstAnswerAndStartNoSecondTransaction() {
        var key = UUID.randomUUID().toString();
        var order = OrderRequest.of("bob", 1, "FILTER-PAPERS");
        var ordersBefore = databases.orderCount();
        var transactionsBefore = databases.transactionCount();

        var first = gateway.placeOrder(order, key);
        var replayed = gateway.placeOrder(order, key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(replayed.status()).as("%s", replayed).isEqualTo(201);
        assertThat(replayed.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(replayed.json()).isEqualTo(first.json());
        assertThat(databases.orderCount()).isEqualTo(ordersBefore + 1);
        assertThat(databases.transactionCount()).isEqualTo(transactionsBefore + 1);
        assertThat(databases.transactionCount(first.text("transactionId"))).isEqualTo(1);

        var otherBody = gateway.placeOrder(OrderRequest.of("bob", 2, "FILTER-PAPERS"), key);

        assertThat(otherBody.status()).as("%s", otherBody).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith(PROBLEM_JSON);
        assertThat(databases.orderCount()).isEqualTo(ordersBefore + 1);
        assertThat(databases.transactionCount()).isEqualTo(transactionsBefore + 1);
    }

    @Test
    @Order(5)
    void shouldRefuseBadInputWithAProblemAndStoreNothing() {
        var ordersBefore = databases.orderCount();
        var transactionsBefore = databases.transactionCount();

        var zeroQuantity = gateway.placeOrder(OrderRequest.of("alice", 0, "MUG-CERAMIC"));
        assertThat(zeroQuantity.status()).as("%s", zeroQuantity).isEqualTo(400);
        assertThat(zeroQuantity.contentType()).startsWith(PROBLEM_JSON);
        assertThat(zeroQuantity.text("type")).startsWith("https://txsuite.dev/problems/");
        assertThat(zeroQuantity.body()).as("the problem names the field").contains("quantity");

        var malformed = gateway.postRaw("/api/orders", "{\"customerId\": \"alice\", \"items\": [");
        assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith(PROBLEM_JSON);
        assertThat(malformed.text("type")).startsWith("https://txsuite.dev/problems/");

        var unknownSku = gateway.placeOrder(OrderRequest.of("alice", 1, "NO-SUCH-SKU"));
        assertThat(unknownSku.status()).as("%s", unknownSku).isEqualTo(422);
        assertThat(unknownSku.contentType()).startsWith(PROBLEM_JSON);
        assertThat(unknownSku.body()).as("the problem names the sku").contains("NO-SUCH-SKU");

        assertThat(databases.orderCount()).isEqualTo(ordersBefore);
        assertThat(databases.transactionCount()).isEqualTo(transactionsBefore);
    }

    @Test
    @Order(6)
    void shouldNotRouteTheProtocolEndpoints() {
        var prepare = gateway.postRaw("/tx/branches/x/prepare", "{\"epoch\":1,\"protocol\":\"2PC\",\"payload\":{}}");
        var begin = gateway.postRaw("/tx/transactions", "{\"txId\":\"x\",\"protocol\":\"2PC\",\"branches\":[]}");

        assertThat(prepare.status())
                .as("POST /tx/branches/x/prepare -> %s", prepare)
                .isEqualTo(404);
        assertThat(begin.status()).as("POST /tx/transactions -> %s", begin).isEqualTo(404);
    }

    @Test
    @Order(7)
    void shouldSellExactlyTheStockThereIsToConcurrentBuyers() {
        start = databases.setOnHand(start, "KETTLE-ELECTRIC", 20);

        var answers = new ArrayList<CompletableFuture<JsonResponse>>();
        for (var buyer = 0; buyer < 50; buyer++) {
            answers.add(gateway.placeOrderAsync(OrderRequest.of("erin", 1, "KETTLE-ELECTRIC"), null));
        }
        var responses = answers.stream().map(CompletableFuture::join).toList();

        var byStatus = responses.stream().collect(Collectors.groupingBy(JsonResponse::status, Collectors.counting()));
        assertThat(byStatus)
                .as("answers by status; first of each: %s", firstOfEachStatus(responses))
                .isEqualTo(Map.of(201, 20L, 409, 30L));
        assertThat(responses)
                .filteredOn(response -> response.status() == 409)
                .extracting(response -> response.text("reason"))
                .containsOnly("OUT_OF_STOCK");
        assertThat(databases.onHand("KETTLE-ELECTRIC")).isZero();
        awaitNothingTentative("KETTLE-ELECTRIC", "erin");
    }

    @Test
    @Order(8)
    void shouldSellWhatAnOperatorRestockedPaidWithWhatAnOperatorDeposited() {
        assertThat(databases.onHand("KETTLE-ELECTRIC")).as("sold out above").isZero();
        var daveBefore = databases.balance("dave");
        var anonymous = gateway.postRaw("/api/products/KETTLE-ELECTRIC/restocks", "{\"units\":2}");
        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
        assertThat(databases.onHand("KETTLE-ELECTRIC")).isZero();

        var restocked = gateway.postAsAdmin("/api/products/KETTLE-ELECTRIC/restocks", "{\"units\":2}");
        var deposited = gateway.postAsAdmin("/api/accounts/dave/deposits", "{\"amountCents\":9000}");

        assertThat(restocked.status()).as("%s", restocked).isEqualTo(201);
        assertThat(restocked.number("onHand")).isEqualTo(2);
        assertThat(deposited.status()).as("%s", deposited).isEqualTo(201);
        assertThat(deposited.number("balanceCents")).isEqualTo(daveBefore + 9000);
        var placed = gateway.placeOrder(OrderRequest.of("dave", 2, "KETTLE-ELECTRIC"));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        awaitNothingTentative("KETTLE-ELECTRIC", "dave");
        assertThat(databases.onHand("KETTLE-ELECTRIC")).isZero();
        assertThat(databases.balance("dave")).isEqualTo(daveBefore);
        // what was restocked and deposited is counted: stock and money are still conserved
        assertThat(databases.violationsSince(start)).isEmpty();
    }

    @Test
    @Order(9)
    void shouldAnswer503AndMoveNothingWhileAParticipantIsDown() {
        var stockBefore = databases.onHand("COFFEE-BEANS-1KG");
        var balanceBefore = databases.balance("alice");
        suite.stop(SuiteService.PAYMENT);
        try {
            var refused = gateway.placeOrder(OrderRequest.of("alice", 1, "COFFEE-BEANS-1KG"));

            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.contentType()).as("%s", refused).startsWith(PROBLEM_JSON);
            // nothing changed that a client could not place again: it is told when, through the gateway too
            assertThat(refused.headers().firstValue("Retry-After"))
                    .as("%s", refused)
                    .contains("1");
            assertThat(databases.onHand("COFFEE-BEANS-1KG")).isEqualTo(stockBefore);
            await("the reservation for the refused order released")
                    .atMost(SETTLES_WITHIN)
                    .until(() -> databases.reserved("COFFEE-BEANS-1KG") == 0);
            assertThat(databases.balance("alice")).isEqualTo(balanceBefore);
            assertThat(databases.held("alice")).isZero();
            if (refused.text("orderId") != null) {
                await("the refused order marked REJECTED")
                        .atMost(SETTLES_WITHIN)
                        .until(
                                () -> databases
                                        .orderStatus(refused.text("orderId"))
                                        .orElse("none"),
                                status -> !"PENDING".equals(status));
                assertThat(databases.orderStatus(refused.text("orderId"))).isNotEqualTo(Optional.of("CONFIRMED"));
            }
            // checked last, so that a missing reason does not hide whether anything moved
            assertThat(refused.text("reason")).as("reason of %s", refused).isEqualTo("PARTICIPANT_UNAVAILABLE");
        } finally {
            suite.restart(SuiteService.PAYMENT);
        }
    }

    @Test
    @Order(10)
    void shouldAnswer503AndMoveNothingWhileTheCoordinatorIsDown() {
        var stockBefore = databases.onHand("COFFEE-BEANS-1KG");
        var balanceBefore = databases.balance("alice");
        suite.stop(SuiteService.COORDINATOR);
        try {
            var refused = gateway.placeOrder(OrderRequest.of("alice", 1, "COFFEE-BEANS-1KG"));

            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.contentType()).as("%s", refused).startsWith(PROBLEM_JSON);
            assertThat(refused.text("reason")).as("reason of %s", refused).isEqualTo("COORDINATOR_UNAVAILABLE");
            // 2PC: order-service prepared its own branch before it tried the coordinator, and aborted it
            assertThat(databases.orderStatus(refused.text("orderId"))).contains("REJECTED");
            assertThat(databases.onHand("COFFEE-BEANS-1KG")).isEqualTo(stockBefore);
            assertThat(databases.reserved("COFFEE-BEANS-1KG")).isZero();
            assertThat(databases.balance("alice")).isEqualTo(balanceBefore);
            assertThat(databases.held("alice")).isZero();
        } finally {
            suite.restart(SuiteService.COORDINATOR);
        }
    }

    @Test
    @Order(11)
    void shouldKeepEveryInvariantOverEverythingAbove() {
        await("no order PENDING and every transaction finished")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(databases::isQuiet);

        databases.assertInvariantsSince(start);
    }

    private void assertRejectedWithOrderKept(JsonResponse rejected, String reason) {
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(409);
        assertThat(rejected.contentType()).startsWith(PROBLEM_JSON);
        assertThat(rejected.text("type")).startsWith("https://txsuite.dev/problems/");
        assertThat(rejected.text("reason")).as("reason of %s", rejected).isEqualTo(reason);
        var orderId = rejected.text("orderId");
        assertThat(orderId).as("orderId of %s", rejected).isNotBlank();
        assertThat(rejected.text("transactionId"))
                .as("transactionId of %s", rejected)
                .isNotBlank();
        var order = gateway.get("/api/orders/" + orderId);
        assertThat(order.status()).as("%s", order).isEqualTo(200);
        assertThat(order.text("status")).isEqualTo("REJECTED");
        assertThat(databases.orderStatus(orderId)).contains("REJECTED");
    }

    private void awaitNothingTentative(String sku, String customerId) {
        await("nothing left reserved for " + sku + " or held for " + customerId)
                .atMost(SETTLES_WITHIN)
                .until(() -> databases.reserved(sku) == 0 && databases.held(customerId) == 0);
    }

    private static Map<Integer, String> firstOfEachStatus(List<JsonResponse> responses) {
        return responses.stream()
                .collect(Collectors.toMap(JsonResponse::status, JsonResponse::toString, (first, ignored) -> first));
    }
}
