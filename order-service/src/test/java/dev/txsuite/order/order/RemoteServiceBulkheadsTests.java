package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bulkheads of the calls to other services: when every permit of one is taken (as by requests stuck on a
 * slow service), a new order is answered 503 at once, and nothing is started or written.
 */
class RemoteServiceBulkheadsTests extends RunningOrderService {

    private static final String ONE_MUG = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""";

    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void shouldAnswer503AndStartNoTransactionWhileTooManyOrdersWaitForTheCoordinator() {
        var orders = rows("orders");

        whileFull(
                bulkheads.bulkhead("coordinator"),
                () -> placeOrder(ONE_MUG, uniqueKey())
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("https://txsuite.dev/problems/service-unavailable")
                        .jsonPath("$.service")
                        .isEqualTo("tx-coordinator"));

        assertThat(COORDINATOR.received()).isEmpty();
        assertThat(rows("orders")).isEqualTo(orders);
        placeOrder(ONE_MUG, uniqueKey()).expectStatus().isCreated();
    }

    @Test
    void shouldAnswer503WithoutAskingInventoryWhileTooManyLookupsAreUnderWay() {
        var orders = rows("orders");

        whileFull(
                bulkheads.bulkhead("inventory"),
                () -> placeOrder(ONE_MUG)
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .jsonPath("$.service")
                        .isEqualTo("inventory-service"));

        assertThat(INVENTORY.received()).isEmpty();
        assertThat(COORDINATOR.received()).isEmpty();
        assertThat(rows("orders")).isEqualTo(orders);
    }

    /** Takes every permit of the bulkhead while {@code check} runs, then gives them back. */
    private static void whileFull(Bulkhead bulkhead, Runnable check) {
        var taken = 0;
        while (bulkhead.tryAcquirePermission()) {
            taken++;
        }
        try {
            check.run();
        } finally {
            for (var i = 0; i < taken; i++) {
                bulkhead.onComplete();
            }
        }
    }
}
