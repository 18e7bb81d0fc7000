package dev.txsuite.coordinator.live;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import dev.txsuite.coordinator.live.LiveTransactions.LiveTransaction;
import dev.txsuite.coordinator.live.LiveTransactions.Participant;
import dev.txsuite.events.Topics;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TestKafka;
import dev.txsuite.testing.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class LiveViewTests extends CoordinatorIntegrationTest {

    @Autowired
    private FollowTransactionEvents follower;

    @Test
    void shouldShowATransactionInFlightAndThenAmongTheRecentOnes() {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(20_000);

        var outcome = CompletableFuture.supplyAsync(() -> begin(transaction));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(inFlight(transaction.txId())).hasValueSatisfying(tx -> {
                    assertThat(tx.protocol()).isEqualTo("2PC");
                    assertThat(tx.phase()).isEqualTo("PREPARING");
                    assertThat(tx.owner()).isNotBlank();
                    assertThat(tx.ageMillis()).isNotNegative();
                    assertThat(tx.outcome()).isNull();
                    assertThat(tx.participants())
                            .containsExactly(
                                    new Participant("order", "YES", null, false, false, null),
                                    new Participant("inventory", "YES", null, false, false, null),
                                    new Participant("payment", null, null, false, false, null));
                }));

        PAYMENT.answersHeldPrepares();

        assertThat(outcome.join().state()).isEqualTo("COMMITTED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var live = live();
            assertThat(live.inFlight()).extracting(LiveTransaction::txId).doesNotContain(transaction.txId());
            assertThat(live.recent())
                    .filteredOn(tx -> tx.txId().equals(transaction.txId()))
                    .singleElement()
                    .satisfies(tx -> {
                        assertThat(tx.phase()).isEqualTo("ENDED");
                        assertThat(tx.outcome()).isEqualTo("COMMITTED");
                        assertThat(tx.decision()).isEqualTo("COMMIT");
                        assertThat(tx.reason()).isNull();
                        assertThat(tx.endedAt()).isNotNull();
                        assertThat(tx.participants())
                                .extracting(Participant::vote, Participant::acknowledged)
                                .containsOnly(tuple("YES", true));
                        assertThat(tx.events()).hasSize(9);
                    });
        });
    }

    @Test
    void shouldShowTheReasonOfAnAbortAmongTheRecentTransactions() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory", "payment");

        begin(transaction);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(recent(transaction.txId())).hasValueSatisfying(tx -> {
                    assertThat(tx.outcome()).isEqualTo("ABORTED");
                    assertThat(tx.reason()).isEqualTo("OUT_OF_STOCK");
                    assertThat(tx.participants())
                            .filteredOn(participant -> participant.participant().equals("inventory"))
                            .containsExactly(new Participant("inventory", "NO", "OUT_OF_STOCK", false, false, null));
                }));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsDeliveredAgain() throws Exception {
        var transaction = aTransaction().over("order", "payment");
        begin(transaction);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> recent(transaction.txId()).map(tx -> tx.events().size()),
                        events -> events.equals(Optional.of(7)));
        var before = recent(transaction.txId()).orElseThrow();
        List<RecordedEvent> published;
        try (var txEvents = TopicRecorder.recording(Topics.TX_EVENTS)) {
            published = txEvents.recordsWithKey(transaction.txId());
        }
        // the votes and acknowledgements reached the view in-process; tx.events has begun, decided and completed
        assertThat(published).hasSize(3);

        var sentUpTo = sendAgain(published);

        await().atMost(Duration.ofSeconds(15)).until(() -> consumedUpTo(sentUpTo));
        assertThat(recent(transaction.txId()))
                .hasValueSatisfying(after -> assertThat(after)
                        .usingRecursiveComparison()
                        .ignoringFields("ageMillis")
                        .isEqualTo(before));
        assertThat(live().inFlight()).extracting(LiveTransaction::txId).doesNotContain(transaction.txId());
    }

    /** Sends the records again, as they were, to their partitions; the offset of the last one, by partition. */
    private static Map<TopicPartition, Long> sendAgain(List<RecordedEvent> records) throws Exception {
        var factory = new DefaultKafkaProducerFactory<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
        try {
            var template = new KafkaTemplate<>(factory);
            var sentUpTo = new HashMap<TopicPartition, Long>();
            for (var record : records) {
                var headers = record.headers().entrySet().stream()
                        .map(header -> new RecordHeader(
                                header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)))
                        .map(Header.class::cast)
                        .toList();
                var sent = template.send(new ProducerRecord<>(
                                record.topic(), record.partition(), record.key(), record.value(), headers))
                        .get();
                sentUpTo.merge(
                        new TopicPartition(record.topic(), record.partition()),
                        sent.getRecordMetadata().offset(),
                        Math::max);
            }
            return sentUpTo;
        } finally {
            factory.destroy();
        }
    }

    /** Whether the live view's consumer group committed past every offset (it commits after handling a batch). */
    private boolean consumedUpTo(Map<TopicPartition, Long> offsets) throws Exception {
        try (var admin = Admin.create(
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(follower.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            return offsets.entrySet().stream().allMatch(sent -> {
                var position = committed.get(sent.getKey());
                return position != null && position.offset() > sent.getValue();
            });
        }
    }

    private LiveTransactions live() {
        return http.get()
                .uri("/api/transactions/live")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LiveTransactions.class)
                .returnResult()
                .getResponseBody();
    }

    private Optional<LiveTransaction> inFlight(String txId) {
        return live().inFlight().stream().filter(tx -> tx.txId().equals(txId)).findFirst();
    }

    private Optional<LiveTransaction> recent(String txId) {
        return live().recent().stream().filter(tx -> tx.txId().equals(txId)).findFirst();
    }
}
