package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class IdempotencyTests extends RunningOrderService {

    private static final String ONE_KETTLE = """
            {"customerId":"alice","items":[{"sku":"KETTLE-ELECTRIC","quantity":1}]}""";
    private static final String TWO_KETTLES = """
            {"customerId":"alice","items":[{"sku":"KETTLE-ELECTRIC","quantity":2}]}""";

    @Test
    void shouldReplayTheFirstAnswerAndNeverStartASecondTransaction() {
        var key = uniqueKey();

        var first = placeOrder(ONE_KETTLE, key).expectBody().returnResult();
        var second = placeOrder(ONE_KETTLE, key).expectBody().returnResult();

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(first.getStatus());
        assertThat(second.getResponseHeaders().getLocation())
                .isNotNull()
                .isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(COORDINATOR.received()).hasSize(1);
    }

    @Test
    void shouldReplayARejectionToo() {
        COORDINATOR.answer(request -> decideAfterPreparingTheOrder(request, "ABORT", "INSUFFICIENT_FUNDS"));
        var key = uniqueKey();

        var first = placeOrder(ONE_KETTLE, key).expectBody().returnResult();
        var second = placeOrder(ONE_KETTLE, key).expectBody().returnResult();

        assertThat(first.getStatus().value()).isEqualTo(409);
        assertThat(second.getStatus().value()).isEqualTo(409);
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(COORDINATOR.received()).hasSize(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherRequest() {
        var key = uniqueKey();
        placeOrder(ONE_KETTLE, key).expectStatus().isCreated();

        placeOrder(TWO_KETTLES, key)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/idempotency-key-reused")
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");

        assertThat(COORDINATOR.received()).hasSize(1);
    }

    @Test
    void shouldNotKeepA503SoThatTheClientMayRetry() {
        var key = uniqueKey();
        COORDINATOR.stop();
        try {
            placeOrder(ONE_KETTLE, key).expectStatus().isEqualTo(503);
        } finally {
            COORDINATOR.restart();
        }
        assertThat(keyIsKept(key)).isFalse();

        placeOrder(ONE_KETTLE, key).expectStatus().isCreated();

        assertThat(keyIsKept(key)).isTrue();
    }

    @Test
    void shouldLetARepeatedRequestWaitForTheFirstAndPointAtTheSameOrder() throws Exception {
        var decide = new CountDownLatch(1);
        COORDINATOR.answer(request -> {
            try {
                decide.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return decideAfterPreparingTheOrder(request, "COMMIT", null);
        });
        var key = uniqueKey();

        CompletableFuture<EntityExchangeResult<byte[]>> first = CompletableFuture.supplyAsync(
                () -> placeOrder(ONE_KETTLE, key).expectBody().returnResult());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !COORDINATOR.received().isEmpty());
        // the first request is inside its transaction: the repetition waits for it, then points at its order
        var repeated = placeOrder(ONE_KETTLE, key).expectBody().returnResult();
        decide.countDown();
        var answered = first.get(10, TimeUnit.SECONDS);

        assertThat(repeated.getStatus().value()).isEqualTo(202);
        assertThat(answered.getStatus().value()).isEqualTo(201);
        assertThat(repeated.getResponseHeaders().getLocation())
                .isEqualTo(answered.getResponseHeaders().getLocation());
        assertThat(COORDINATOR.received()).hasSize(1);
        // once answered, the key replays the first answer
        var later = placeOrder(ONE_KETTLE, key).expectBody().returnResult();
        assertThat(later.getStatus().value()).isEqualTo(201);
        assertThat(later.getResponseBody()).isEqualTo(answered.getResponseBody());
    }

    private boolean keyIsKept(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
