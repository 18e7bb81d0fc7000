package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The adaptive limit on its own: what raises it, what lowers it, and the door it keeps. */
class OrderAdmissionTests {

    private static final OrderAnswer CONFIRMED = new OrderAnswer(201, "/api/orders/1", "{}");
    private static final OrderAnswer UNDECIDED = new OrderAnswer(202, "/api/orders/1", "{}");

    @Test
    void shouldLetInOnlyAsManyOrdersAsTheLimitAndTakeTheNextOnceOneLeaves() {
        var admission = admission(Duration.ofSeconds(10), 4, 4);
        var places = new ArrayList<Limiter.Listener>();
        for (var i = 0; i < 4; i++) {
            places.add(admission.enter().orElseThrow());
        }

        assertThat(admission.enter()).isEmpty();
        admission.leave(places.removeFirst(), CONFIRMED);
        assertThat(admission.enter()).isPresent();
    }

    @Test
    void shouldLowerTheLimitByATenthForAnOrderAnsweredSlowerThanTheTarget() throws InterruptedException {
        var admission = admission(Duration.ofMillis(1), 4, 50);
        var place = admission.enter().orElseThrow();
        Thread.sleep(20);

        admission.leave(place, CONFIRMED);

        assertThat(admission.limit()).isEqualTo(45);
    }

    @Test
    void shouldLowerTheLimitForAnOrderLeftUndecidedAtTheDeadlineHoweverFast() {
        var admission = admission(Duration.ofSeconds(10), 4, 50);

        admission.leave(admission.enter().orElseThrow(), UNDECIDED);

        assertThat(admission.limit()).isEqualTo(45);
    }

    @Test
    void shouldRaiseTheLimitByOneForAFastAnswerWhileAtLeastHalfThePlacesAreTaken() {
        var admission = admission(Duration.ofSeconds(10), 4, 10);
        var busy = new ArrayList<Limiter.Listener>();
        for (var i = 0; i < 5; i++) {
            busy.add(admission.enter().orElseThrow());
        }

        admission.leave(busy.removeLast(), CONFIRMED);

        assertThat(admission.limit()).isEqualTo(11);
        // an idle service learns nothing about its capacity: one order at a time leaves the limit alone
        var idle = admission(Duration.ofSeconds(10), 4, 10);
        idle.leave(idle.enter().orElseThrow(), CONFIRMED);
        assertThat(idle.limit()).isEqualTo(10);
    }

    private static OrderAdmission admission(Duration latencyTarget, int minLimit, int initialLimit) {
        var properties = new OrderProperties(
                "2PC",
                Duration.ofSeconds(3),
                Duration.ofSeconds(8),
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                new OrderProperties.Admission(initialLimit, minLimit, 100, latencyTarget));
        return new OrderAdmission(properties, new SimpleMeterRegistry());
    }
}
