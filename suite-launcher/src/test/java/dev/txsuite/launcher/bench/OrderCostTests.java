package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OrderCostTests {

    @Test
    void shouldDivideWhatHappenedBetweenTwoReadingsByTheConfirmedOrders() {
        var before = new Activity(
                Map.of("order", Duration.ofSeconds(1), "postgres", Duration.ofSeconds(2)),
                Map.of("order", 100L, "coordinator", 50L),
                Map.of("order", 1_000L, "coordinator", 2_000L),
                Optional.of(Map.of("order", 5_000L)),
                OptionalLong.of(10),
                OptionalLong.of(300));
        var after = new Activity(
                Map.of("order", Duration.ofSeconds(2), "postgres", Duration.ofSeconds(4)),
                Map.of("order", 140L, "coordinator", 130L),
                Map.of("order", 1_080L, "coordinator", 2_120L),
                Optional.of(Map.of("order", 5_400L)),
                OptionalLong.of(50),
                OptionalLong.of(660));

        // 40 requests through the gateway, 40 orders confirmed
        var cost = OrderCost.between(before, after, "gateway", 40, 40);

        assertThat(cost.millisPerOrder("order")).isEqualTo(25);
        assertThat(cost.totalMillisPerOrder()).isEqualTo(75);
        assertThat(cost.httpRequests()).containsEntry("gateway", 40L).containsEntry("coordinator", 80L);
        assertThat(cost.httpPerOrder()).isEqualTo(4);
        assertThat(cost.commitsPerOrder()).isEqualTo(5);
        assertThat(cost.statementsPerOrder()).contains(10.0);
        assertThat(cost.walFlushesPerOrder()).contains(1.0);
        assertThat(cost.kafkaEventsPerOrder()).contains(9.0);
    }

    @Test
    void shouldLeaveOutWhatEitherReadingMissesAndCountNothingWithoutAConfirmedOrder() {
        var before = new Activity(
                Map.of("gone", Duration.ofSeconds(3), "kept", Duration.ofSeconds(1)),
                Map.of(),
                Map.of(),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.of(1));
        var after = new Activity(
                Map.of("kept", Duration.ofSeconds(2), "new", Duration.ofSeconds(5)),
                Map.of(),
                Map.of(),
                Optional.of(Map.of("order", 5L)),
                OptionalLong.of(3),
                OptionalLong.of(9));

        var cost = OrderCost.between(before, after, "gateway", 0, 4);
        var none = OrderCost.between(before, after, "gateway", 0, 0);

        assertThat(cost.cpu()).containsOnlyKeys("kept");
        assertThat(cost.millisPerOrder("kept")).isEqualTo(250);
        assertThat(cost.statementsPerOrder()).isEmpty();
        assertThat(cost.walFlushesPerOrder()).isEmpty();
        assertThat(cost.kafkaEventsPerOrder()).contains(2.0);
        assertThat(none.totalMillisPerOrder()).isZero();
        assertThat(none.httpPerOrder()).isZero();
    }
}
