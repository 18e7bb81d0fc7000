package dev.txsuite.coordinator.metrics;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /actuator/prometheus}: the transactions this instance ended, their durations, and the unfinished ones. */
class MetricsTests extends CoordinatorIntegrationTest {

    @Test
    void shouldCountTheCommittedAndAbortedTransactionsWithTheirDurations() {
        var committedBefore = completed("COMMITTED");
        var abortedBefore = completed("ABORTED");

        begin(aTransaction().over("order", "payment"));
        INVENTORY.votesNo("OUT_OF_STOCK");
        begin(aTransaction().over("order", "inventory"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(completed("COMMITTED")).isGreaterThanOrEqualTo(committedBefore + 1);
            assertThat(completed("ABORTED")).isGreaterThanOrEqualTo(abortedBefore + 1);
        });
        var scrape = scrape();
        for (var outcome : new String[] {"COMMITTED", "ABORTED"}) {
            var count = value(scrape, "txsuite_transaction_duration_seconds_count", outcome, "");
            assertThat(count).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "txsuite_transaction_duration_seconds_sum", outcome, ""))
                    .isPositive();
            // every one of them took less than five minutes: the last bucket holds them all
            assertThat(value(scrape, "txsuite_transaction_duration_seconds_bucket", outcome, ",le=\"300.0\""))
                    .isEqualTo(count);
        }
    }

    @Test
    void shouldShowHowManyTransactionsAreInFlightAndInDoubt() {
        var scrape = scrape();

        assertThat(gauge(scrape, "txsuite_transactions_in_flight")).isNotNegative();
        assertThat(gauge(scrape, "txsuite_transactions_in_doubt")).isNotNegative();
    }

    @Test
    void shouldExposeNoActuatorEndpointButHealthAndPrometheus() {
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private double completed(String outcome) {
        var scrape = scrape();
        return scrape.contains("txsuite_transactions_completed_total{")
                ? valueOrZero(scrape, "txsuite_transactions_completed_total", outcome)
                : 0;
    }

    private String scrape() {
        return http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static double valueOrZero(String scrape, String name, String outcome) {
        var matcher = line(name, outcome, "").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static double value(String scrape, String name, String outcome, String moreLabels) {
        var matcher = line(name, outcome, moreLabels).matcher(scrape);
        assertThat(matcher.find())
                .as("%s of %s%s in%n%s", name, outcome, moreLabels, scrape)
                .isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static Pattern line(String name, String outcome, String moreLabels) {
        return Pattern.compile(
                "(?m)^" + Pattern.quote(name + "{outcome=\"" + outcome + "\",protocol=\"2PC\"" + moreLabels + "}")
                        + " (\\S+)$");
    }

    private static double gauge(String scrape, String name) {
        var matcher =
                Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("%s in%n%s", name, scrape).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
