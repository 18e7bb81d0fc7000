package dev.txsuite.order.order;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Admission control at the door of {@code POST /api/orders}: an order is let in, before any database or HTTP work,
 * only while the orders in flight are fewer than a limit that follows their measured latency (additive increase,
 * multiplicative decrease, Netflix's concurrency-limits): an order answered within the latency target, let in while
 * at least half the places were taken, raises the limit by one; one answered slower, or left undecided at the request
 * deadline (202), lowers it by a tenth. Over the limit an order is answered {@code 503} at once, with
 * {@code Retry-After}, and nothing is written: under overload the work that is admitted finishes in time instead of
 * every order queueing past its deadline.
 *
 * <p>The limit never exceeds {@code max-limit}, which also keeps request threads free for the coordinator's messages
 * to this service's own order branch (3PC's CAN-COMMIT, every decision): an outcome waits for them.
 */
@Component
class OrderAdmission {

    private final SimpleLimiter<Void> limiter;

    OrderAdmission(OrderProperties properties, MeterRegistry meters) {
        var settings = properties.admission();
        this.limiter = SimpleLimiter.newBuilder()
                .named("orders")
                .limit(AIMDLimit.newBuilder()
                        .initialLimit(settings.initialLimit())
                        .minLimit(settings.minLimit())
                        .maxLimit(settings.maxLimit())
                        .backoffRatio(0.9)
                        .timeout(settings.latencyTarget().toNanos(), TimeUnit.NANOSECONDS)
                        .build())
                .build();
        gauge(meters, "txsuite.orders.admission.limit", "Orders let in at once now", limiter::getLimit);
        gauge(meters, "txsuite.orders.admission.in-flight", "Orders let in and not answered yet", limiter::getInflight);
    }

    /** A place among the orders in flight, or empty when the service is full; every place is left by {@link #leave}. */
    Optional<Limiter.Listener> enter() {
        return limiter.acquire(null);
    }

    /**
     * Gives the place back and tells the limit how the order went: its latency counts (a slow answer lowers the
     * limit), and an order still undecided at the request deadline counts as lost to overload.
     */
    void leave(Limiter.Listener place, OrderAnswer answer) {
        if (answer.status() == 202) {
            place.onDropped();
        } else {
            place.onSuccess();
        }
    }

    /** How many orders are let in at once now. */
    int limit() {
        return limiter.getLimit();
    }

    private static void gauge(MeterRegistry meters, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(meters);
    }
}
