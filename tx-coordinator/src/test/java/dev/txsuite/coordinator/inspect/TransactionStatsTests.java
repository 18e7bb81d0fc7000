package dev.txsuite.coordinator.inspect;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import dev.txsuite.coordinator.inspect.TransactionStats.ProtocolStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code GET /api/transactions/stats} over transactions logged with known durations. The figures are of the whole
 * log, so this class runs in a context (and so a database) of its own: the instance id sets it apart.
 */
@TestPropertySource(properties = "txsuite.coordinator.instance-id=stats-tests")
class TransactionStatsTests extends CoordinatorIntegrationTest {

    @Test
    void shouldCountTheTransactionsOfTheLastMinuteAndTheirLatencyPerProtocol() {
        // nothing completed yet: no ratios, no latencies
        http.get()
                .uri("/api/transactions/stats")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.protocols['3PC'].completed")
                .isEqualTo(0)
                .jsonPath("$.protocols['3PC'].commitRatio")
                .isEmpty()
                .jsonPath("$.protocols['3PC'].p50Millis")
                .isEmpty()
                .jsonPath("$.protocols['all'].p99Millis")
                .isEmpty();

        committed2pc(100);
        committed2pc(200);
        committed2pc(300);
        aLoggedTransaction()
                .createdAgo(Duration.ofSeconds(10))
                .abortedAfter(Duration.ofMillis(400), "OUT_OF_STOCK")
                .insertInto(jdbc);
        aLoggedTransaction()
                .threePhase()
                .createdAgo(Duration.ofSeconds(10))
                .committedAfter(Duration.ofMillis(1000))
                .insertInto(jdbc);
        // ended before the window
        aLoggedTransaction()
                .createdAgo(Duration.ofMinutes(3))
                .committedAfter(Duration.ofSeconds(5))
                .insertInto(jdbc);
        // unfinished: one in flight, one in doubt too (its minute to vote and the grace are past)
        aLoggedTransaction().notVoted("order").insertInto(jdbc);
        aLoggedTransaction()
                .createdAgo(Duration.ofMinutes(2))
                .timeoutMillis(60_000)
                .notVoted("order")
                .insertInto(jdbc);

        var stats = http.get()
                .uri("/api/transactions/stats")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TransactionStats.class)
                .returnResult()
                .getResponseBody();

        assertThat(stats.windowSeconds()).isEqualTo(60);
        assertThat(stats.inFlight()).isEqualTo(2);
        assertThat(stats.inDoubt()).isEqualTo(1);
        assertThat(stats.protocols()).containsOnlyKeys("2PC", "3PC", "all");
        // percentile_cont interpolates: the 0.99 of 100, 200, 300 and 400 ms is 300 + 0.97 * 100
        assertThat(stats.protocols().get("2PC"))
                .isEqualTo(new ProtocolStats(4, 3, 1, 4 / 60.0, 0.75, 0.25, 250L, 397L));
        assertThat(stats.protocols().get("3PC"))
                .isEqualTo(new ProtocolStats(1, 1, 0, 1 / 60.0, 1.0, 0.0, 1000L, 1000L));
        assertThat(stats.protocols().get("all")).isEqualTo(new ProtocolStats(5, 4, 1, 5 / 60.0, 0.8, 0.2, 300L, 976L));
    }

    private void committed2pc(long millis) {
        aLoggedTransaction()
                .createdAgo(Duration.ofSeconds(10))
                .committedAfter(Duration.ofMillis(millis))
                .insertInto(jdbc);
    }
}
