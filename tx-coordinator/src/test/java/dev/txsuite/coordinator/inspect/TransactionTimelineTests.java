package dev.txsuite.coordinator.inspect;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.TxEventsRecordingTest;
import dev.txsuite.coordinator.log.TimelineEntry;
import dev.txsuite.coordinator.log.TransactionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/transactions/{txId}} with its timeline: one line for every event of the transaction, written with
 * the change it describes, in time order.
 */
class TransactionTimelineTests extends TxEventsRecordingTest {

    @Test
    void shouldTellTheHistoryOfACommittedTransactionInTimeOrder() {
        var transaction = aTransaction().over("order", "inventory", "payment").forOrder("order-timeline-1");

        begin(transaction);

        var timeline = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> timeline(transaction.txId()),
                        entries ->
                                entries.stream().anyMatch(entry -> entry.type().equals("completed")));
        assertThat(timeline)
                .extracting(TimelineEntry::type)
                .containsExactly(
                        "begun",
                        "vote-received",
                        "vote-received",
                        "vote-received",
                        "decided",
                        "branch-acknowledged",
                        "branch-acknowledged",
                        "branch-acknowledged",
                        "completed");
        assertThat(timeline).extracting(TimelineEntry::time).isSortedAccordingTo(Comparator.<Instant>naturalOrder());
        assertThat(timeline.getFirst().detail()).isEqualTo("PREPARE sent to order, inventory, payment");
        assertThat(timeline.subList(1, 4))
                .extracting(entry -> entry.participant() + " " + entry.detail())
                .containsExactlyInAnyOrder("order YES", "inventory YES", "payment YES");
        assertThat(timeline.get(4).detail()).isEqualTo("COMMIT");
        assertThat(timeline.subList(5, 8))
                .extracting(TimelineEntry::participant)
                .containsExactlyInAnyOrder("order", "inventory", "payment");
        assertThat(timeline.getLast().detail()).isEqualTo("COMMITTED");
        // the begun event carries the order too
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(txEvents.recordsWithKey(transaction.txId()))
                        .filteredOn(event -> event.type().equals(TransactionEvent.Begun.TYPE))
                        .singleElement()
                        .satisfies(
                                begun -> assertThat(body(begun).get("orderId").asString())
                                        .isEqualTo("order-timeline-1")));
    }

    @Test
    void shouldShowTheVotesOfATransactionInFlightBeforeTheLogHasThem() {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(20_000);
        var outcome = CompletableFuture.supplyAsync(() -> begin(transaction));

        // votes are written with the decision; until then the run in this instance tells them
        var timeline = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> timeline(transaction.txId()),
                        entries -> entries.stream()
                                        .filter(entry -> entry.type().equals("vote-received"))
                                        .count()
                                == 2);
        assertThat(votesLogged(transaction.txId())).isZero();
        assertThat(timeline)
                .filteredOn(entry -> entry.type().equals("vote-received"))
                .extracting(entry -> entry.participant() + " " + entry.detail())
                .containsExactlyInAnyOrder("order YES", "inventory YES");
        assertThat(timeline.getFirst().type()).isEqualTo("begun");

        PAYMENT.answersHeldPrepares();
        assertThat(outcome.join().state()).isEqualTo("COMMITTED");
        assertThat(votesLogged(transaction.txId())).isEqualTo(3);
    }

    @Test
    void shouldShowANoVoteWithItsReasonAndTheAbortDecision() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory").protocol("3PC");

        begin(transaction);

        var timeline = timeline(transaction.txId());
        assertThat(timeline.getFirst().detail()).isEqualTo("CAN-COMMIT sent to order, inventory");
        assertThat(timeline)
                .filteredOn(entry -> "inventory".equals(entry.participant()))
                .extracting(TimelineEntry::type, TimelineEntry::detail)
                .first()
                .isEqualTo(tuple("vote-received", "NO OUT_OF_STOCK"));
        assertThat(timeline)
                .filteredOn(entry -> entry.type().equals("decided"))
                .singleElement()
                .extracting(TimelineEntry::detail)
                .isEqualTo("ABORT OUT_OF_STOCK");
    }

    @Test
    void shouldRecordEachFailedDeliveryAsARetryEntry() {
        // three attempts of the first COMMIT fail (one delivery), the retry job's fourth too, the fifth succeeds
        PAYMENT.failsCommits(4);
        var transaction = aTransaction().over("order", "payment");

        begin(transaction);

        var timeline = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> timeline(transaction.txId()),
                        entries ->
                                entries.stream().anyMatch(entry -> entry.type().equals("completed")));
        assertThat(timeline)
                .filteredOn(entry -> entry.type().equals("delivery-failed"))
                .singleElement()
                .satisfies(failed -> {
                    assertThat(failed.participant()).isEqualTo("payment");
                    assertThat(failed.detail())
                            .startsWith("COMMIT not delivered (attempt 1): ")
                            .contains("503");
                });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(txEvents.recordsWithKey(transaction.txId()))
                        .filteredOn(event -> event.type().equals(TransactionEvent.DeliveryFailed.TYPE))
                        .singleElement()
                        .satisfies(event -> {
                            var failed = body(event);
                            assertThat(failed.get("participant").asString()).isEqualTo("payment");
                            assertThat(failed.get("message").asString()).isEqualTo("COMMIT");
                            assertThat(failed.get("attempt").asInt()).isEqualTo(1);
                            assertThat(failed.get("error").asString()).contains("503");
                        }));
    }

    @Test
    void shouldCountTheFailedDeliveriesOfAMessage() {
        // every attempt fails: the first delivery and each of the retry job's
        PAYMENT.failsCommits(1000);
        var transaction = aTransaction().over("order", "payment");

        begin(transaction);

        var failures = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> timeline(transaction.txId()).stream()
                                .filter(entry -> entry.type().equals("delivery-failed"))
                                .map(TimelineEntry::detail)
                                .toList(),
                        details -> details.size() >= 2);
        assertThat(failures.get(0)).startsWith("COMMIT not delivered (attempt 1)");
        assertThat(failures.get(1)).startsWith("COMMIT not delivered (attempt 2)");
        // left stuck: another test must not find it retried against a reset participant only by chance
        http.post()
                .uri("/api/transactions/{txId}/resolve", transaction.txId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("note", "left by a test"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private List<TimelineEntry> timeline(String txId) {
        return http.get()
                .uri("/api/transactions/{txId}", txId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TransactionDetails.class)
                .returnResult()
                .getResponseBody()
                .timeline();
    }
}
