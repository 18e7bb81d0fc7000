package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admission at the door and the bulkheads of the calls to other services: when every place is taken (as by orders
 * stuck on a slow service), a new order is answered 503 at once, and nothing is started or written.
 */
class RemoteServiceBulkheadsTests extends RunningOrderService {

    private static final String ONE_MUG = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""";

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    OrderAdmission admission;

    @Test
    void shouldAnswer503WithRetryAfterAndReadOrWriteNothingWhileAsManyOrdersAsTheLimitAreInFlight() {
        var orders = rows("orders");
        var keys = rows("idempotency_key");
        var places = new ArrayList<Limiter.Listener>();
        for (var place = admission.enter(); place.isPresent(); place = admission.enter()) {
            places.add(place.get());
        }
        try {
            placeOrder(ONE_MUG, uniqueKey())
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "1")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://txsuite.dev/problems/overloaded")
                    .jsonPath("$.reason")
                    .isEqualTo("OVERLOADED")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains(places.size() + " orders in flight"));
        } finally {
            places.forEach(Limiter.Listener::onIgnore);
        }

        assertThat(places).hasSize(admission.limit());
        assertThat(COORDINATOR.received()).isEmpty();
        assertThat(INVENTORY.received()).isEmpty();
        assertThat(rows("orders")).isEqualTo(orders);
        assertThat(rows("idempotency_key")).isEqualTo(keys);
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
