package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class PlaceOrderTests extends RunningOrderService {

    private static final String TWO_MUGS_AND_BEANS = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":2},{"sku":"COFFEE-BEANS-1KG","quantity":1}]}""";

    private static final String TWO_MUGS_AND_BEANS_3PC = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":2},{"sku":"COFFEE-BEANS-1KG","quantity":1}],            "protocol":"3PC"}""";

    @Test
    void shouldConfirmTheOrderWhenTheTransactionCommits() {
        var response = placeOrder(TWO_MUGS_AND_BEANS);

        response.expectStatus().isCreated().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        var order = body(response, json -> json);
        var orderId = order.get("orderId").asString();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.get("protocol").asString()).isEqualTo("2PC");
        assertThat(order.get("totalCents").asLong()).isEqualTo(2 * 1200 + 1800);
        assertThat(order.get("currency").asString()).isEqualTo("USD");
        assertThat(order.get("transactionId").asString()).isNotBlank();
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Ceramic mug");
        assertThat(order.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(2400);
        response.expectHeader().location("/api/orders/" + orderId);
        // the coordinator answered COMMIT without phase two: the service confirmed its own branch
        assertThat(statusOfOrder(orderId)).isEqualTo("CONFIRMED");
        orderAsShown(orderId)
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED")
                .jsonPath("$.customerId")
                .isEqualTo("alice")
                .jsonPath("$.transactionId")
                .isEqualTo(order.get("transactionId").asString())
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.createdAt")
                .isNotEmpty();
    }

    @Test
    void shouldRunTheProtocolTheOrderChoseAndRecordItOnTheOrder() {
        var response = placeOrder("""
                {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}],"protocol":"3PC"}""");

        var order = body(response.expectStatus().isCreated(), json -> json);
        assertThat(order.get("protocol").asString()).isEqualTo("3PC");
        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            var transaction = JSON.readTree(request.body());
            assertThat(transaction.get("protocol").asString()).isEqualTo("3PC");
            assertThat(orderPayloadOf(transaction).get("protocol").asString()).isEqualTo("3PC");
        });
        orderAsShown(order.get("orderId").asString()).jsonPath("$.protocol").isEqualTo("3PC");
    }

    @Test
    void shouldStartTheTransactionWithTheBranchesOfTheContract() {
        placeOrder("""
                        {"customerId":"bob","items":[{"sku":"MUG-CERAMIC","quantity":1},\
                        {"sku":"KETTLE-ELECTRIC","quantity":1},{"sku":"MUG-CERAMIC","quantity":2}]}""").expectStatus().isCreated();

        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/tx/transactions");
            var transaction = JSON.readTree(request.body());
            var txId = transaction.get("txId").asString();
            var orderId = orderPayloadOf(transaction).get("orderId").asString();
            assertThat(JSON.readTree(request.body()))
                    .isEqualTo(JSON.readTree("""
                            {"txId":"%s","orderId":"%s","protocol":"2PC","timeoutMillis":1000,"branches":[
                              {"participant":"order","payload":{"orderId":"%s","customerId":"bob","protocol":"2PC",
                                "currency":"USD","totalCents":8100,"items":[
                                  {"sku":"MUG-CERAMIC","name":"Ceramic mug","quantity":1,"unitPriceCents":1200,"lineTotalCents":1200},
                                  {"sku":"KETTLE-ELECTRIC","name":"Electric kettle","quantity":1,"unitPriceCents":4500,"lineTotalCents":4500},
                                  {"sku":"MUG-CERAMIC","name":"Ceramic mug","quantity":2,"unitPriceCents":1200,"lineTotalCents":2400}]}},
                              {"participant":"inventory","payload":{"orderId":"%s","lines":[
                                  {"sku":"MUG-CERAMIC","quantity":3,"unitPriceCents":1200},
                                  {"sku":"KETTLE-ELECTRIC","quantity":1,"unitPriceCents":4500}]}},
                              {"participant":"payment","payload":{"orderId":"%s","customerId":"bob","amountCents":8100,"currency":"USD"}}
                            ],"initiator":"order"}""".formatted(txId, orderId, orderId, orderId, orderId)));
            // the order's branch was prepared before the begin: its vote is the begin's
            assertThat(statusOfOrder(orderId)).isNotNull();
        });
        // a sku ordered twice is looked up once
        assertThat(INVENTORY.received())
                .extracting(FakeService.Request::path)
                .containsExactly("/api/products/MUG-CERAMIC", "/api/products/KETTLE-ELECTRIC");
    }

    @Test
    void shouldRejectTheOrderWithTheReasonOfTheNoVote() {
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "ABORT", "OUT_OF_STOCK"));

        var response = placeOrder(TWO_MUGS_AND_BEANS);

        response.expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/order-rejected");
        assertThat(problem.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(problem.get("transactionId").asString()).isNotBlank();
        var orderId = problem.get("orderId").asString();
        assertThat(statusOfOrder(orderId)).isEqualTo("REJECTED");
        orderAsShown(orderId)
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.reason")
                .isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void shouldLookThePricesUpAgainAfterInventoryFoundOneChanged() {
        placeOrder(TWO_MUGS_AND_BEANS).expectStatus().isCreated();
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "ABORT", "PRICE_CHANGED"));

        var response = placeOrder(TWO_MUGS_AND_BEANS);

        response.expectStatus().isEqualTo(409);
        assertThat(body(response, json -> json).get("reason").asString()).isEqualTo("PRICE_CHANGED");
        var lookupsBefore = INVENTORY.received().size();
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "COMMIT", null));
        placeOrder(TWO_MUGS_AND_BEANS).expectStatus().isCreated();
        assertThat(INVENTORY
                        .received()
                        .subList(lookupsBefore, INVENTORY.received().size()))
                .extracting(FakeService.Request::path)
                .containsExactlyInAnyOrder("/api/products/MUG-CERAMIC", "/api/products/COFFEE-BEANS-1KG");
    }

    @Test
    void shouldAnswer503WhenAParticipantCouldNotVote() {
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "ABORT", "PARTICIPANT_UNAVAILABLE"));

        var response = placeOrder(TWO_MUGS_AND_BEANS);

        response.expectStatus().isEqualTo(503);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/service-unavailable");
        assertThat(problem.get("reason").asString()).isEqualTo("PARTICIPANT_UNAVAILABLE");
        assertThat(problem.get("transactionId").asString()).isNotBlank();
        assertThat(statusOfOrder(problem.get("orderId").asString())).isEqualTo("REJECTED");
    }

    @Test
    void shouldAnswer202WhileTheTransactionIsUndecided() {
        COORDINATOR.answer(request -> FakeService.Response.json(JSON.writeValueAsString(new CoordinatorAnswer(
                JSON.readTree(request.body()).get("txId").asString(), "2PC", "PREPARING", null, null))));

        var response = placeOrder(TWO_MUGS_AND_BEANS);

        response.expectStatus().isAccepted();
        var order = body(response, json -> json);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        response.expectHeader().location("/api/orders/" + order.get("orderId").asString());
    }

    @Test
    void shouldAnswer202WhenTheCoordinatorAnswersAfterTheDeadline() throws InterruptedException {
        var answerLate = new CountDownLatch(1);
        COORDINATOR.answer(request -> {
            try {
                answerLate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return decided(JSON.readTree(request.body()).get("txId").asString(), "COMMIT", null);
        });

        try {
            var response = placeOrder(TWO_MUGS_AND_BEANS);

            response.expectStatus().isAccepted();
            var order = body(response, json -> json);
            assertThat(order.get("status").asString()).isEqualTo("PENDING");
            assertThat(order.get("transactionId").asString()).isNotBlank();
            response.expectHeader()
                    .location("/api/orders/" + order.get("orderId").asString());
        } finally {
            answerLate.countDown();
        }
    }

    @Test
    void shouldAnswer503AndRejectTheOrderItPreparedWhenTheCoordinatorIsUnreachable() {
        COORDINATOR.stop();
        String orderId;
        try {
            var response = placeOrder(TWO_MUGS_AND_BEANS, uniqueKey());

            response.expectStatus().isEqualTo(503);
            var problem = body(response, json -> json);
            assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/service-unavailable");
            assertThat(problem.get("reason").asString()).isEqualTo("COORDINATOR_UNAVAILABLE");
            orderId = problem.get("orderId").asString();
        } finally {
            COORDINATOR.restart();
        }
        // 2PC: the order and its branch were prepared before the begin, which never connected: nothing began
        orderAsShown(orderId)
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.reason")
                .isEqualTo("COORDINATOR_UNAVAILABLE");
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldSettleAnOrderAnswered202WhenItsOwnBranchAsksTheCoordinator() {
        COORDINATOR.answer(RunningOrderService::undecidedUntilAskedThenAborted);

        var order = body(placeOrder(TWO_MUGS_AND_BEANS).expectStatus().isAccepted(), json -> json);

        var orderId = order.get("orderId").asString();
        orderAsShown(orderId).jsonPath("$.status").isEqualTo("PENDING");
        // the branch prepared before the begin is in doubt: its timer (made due here) asks the coordinator
        jdbc.sql("update participant_log set deadline = now() where tx_id = ?")
                .param(order.get("transactionId").asString())
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> "REJECTED".equals(statusOfOrder(orderId)));
        orderAsShown(orderId).jsonPath("$.reason").isEqualTo("COORDINATOR_RECOVERY");
    }

    @Test
    void shouldAnswer503AndWriteNothingWhenTheCoordinatorIsUnreachableUnder3pc() {
        var orders = rows("orders");
        COORDINATOR.stop();
        try {
            var response = placeOrder(TWO_MUGS_AND_BEANS_3PC, uniqueKey());

            response.expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            var problem = body(response, json -> json);
            assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/service-unavailable");
            assertThat(problem.has("orderId")).isFalse();
        } finally {
            COORDINATOR.restart();
        }
        assertThat(rows("orders")).isEqualTo(orders);
    }

    @Test
    void shouldAnswer503WhenInventoryIsUnreachable() {
        INVENTORY.stop();
        try {
            placeOrder(TWO_MUGS_AND_BEANS)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://txsuite.dev/problems/service-unavailable")
                    .jsonPath("$.service")
                    .isEqualTo("inventory-service");
        } finally {
            INVENTORY.restart();
        }
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldAnswer503WhenPaymentIsUnreachable() {
        PAYMENT.stop();
        try {
            placeOrder(TWO_MUGS_AND_BEANS)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("payment-service");
        } finally {
            PAYMENT.restart();
        }
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldRetryALookupThatFailedOnce() {
        var failedOnce = new AtomicBoolean();
        INVENTORY.answer(request -> failedOnce.compareAndSet(false, true)
                ? new FakeService.Response(503, "{}")
                : FakeService.Response.json("""
                        {"sku":"MUG-CERAMIC","name":"Ceramic mug","priceCents":1200,"currency":"USD"}"""));

        placeOrder("{\"customerId\":\"alice\",\"items\":[{\"sku\":\"MUG-CERAMIC\",\"quantity\":1}]}")
                .expectStatus()
                .isCreated();

        assertThat(INVENTORY.received()).hasSize(2);
    }
}
