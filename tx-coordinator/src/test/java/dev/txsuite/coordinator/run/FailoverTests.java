package dev.txsuite.coordinator.run;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.TxEventsRecordingTest;
import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.live.LiveTransactions;
import dev.txsuite.coordinator.log.TransactionEvent;
import dev.txsuite.coordinator.log.TransactionLeases;
import dev.txsuite.testing.ConcurrentCalls;
import dev.txsuite.testing.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances on one log: leases, takeovers and fencing. A second coordinator context in this JVM would be
 * heavy, so other instances are played by their rows in the log (another owner, a lease that runs or expired) and
 * by {@link TransactionLeases} of their own on the same database.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailoverTests extends TxEventsRecordingTest {

    @Autowired
    private CoordinatorProperties properties;

    @Autowired
    private RecoverUnfinishedTransactions recovery;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private Clock clock;

    @Test
    void shouldLetOnlyOneOfTwoRacingInstancesTakeOverATransactionWhoseLeaseExpired() {
        var txId = aLoggedTransaction()
                .leaseExpired()
                .votedYes("order")
                .notVoted("payment")
                .insertInto(jdbc);
        var instanceA = anotherInstance("instance-a");
        var instanceB = anotherInstance("instance-b");
        var turn = new AtomicInteger();

        // this instance's own scheduled takeover races them too
        var takeovers = ConcurrentCalls.atOnce(
                8,
                () -> (turn.getAndIncrement() % 2 == 0 ? instanceA : instanceB)
                        .takeOverExpired().stream()
                                .filter(takeover -> takeover.txId().equals(txId))
                                .toList());

        assertThat(takeovers.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(takenOverEvents(txId)).isNotEmpty());
        var winner = ownership(txId);
        assertThat(winner.epoch()).as("taken over once").isEqualTo(2);
        assertThat(winner.owner()).isIn("instance-a", "instance-b", properties.instanceId());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(takenOverEvents(txId)).singleElement());
        var event = body(takenOverEvents(txId).getFirst());
        assertThat(event.get("previousOwner").asString()).isEqualTo("crashed-instance");
        assertThat(event.get("newOwner").asString()).isEqualTo(winner.owner());
        assertThat(event.get("epoch").asLong()).isEqualTo(2);
    }

    @Test
    void shouldTakeOverATransactionWhoseLeaseExpiredAndFinishItAtTheNextEpoch() {
        var txId = aLoggedTransaction()
                .leaseExpired()
                .votedYes("order")
                .notVoted("inventory")
                .insertInto(jdbc);

        // undecided 2PC: presumed abort, at the new epoch, so the participants refuse the paused owner from now on
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_RECOVERY", true, true)));
        assertThat(ownership(txId)).isEqualTo(new Ownership(properties.instanceId(), 2));
        // awaited as well: a CI run once saw the acknowledged log row before a participant's list of messages
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (var participant : List.of(ORDER, INVENTORY)) {
                assertThat(participant.received(txId)).singleElement().satisfies(message -> {
                    assertThat(message.step()).isEqualTo("abort");
                    assertThat(message.body().get("epoch").asLong()).isEqualTo(2);
                });
            }
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(takenOverEvents(txId)).singleElement());
        var event = body(takenOverEvents(txId).getFirst());
        assertThat(event.get("previousOwner").asString()).isEqualTo("crashed-instance");
        assertThat(event.get("newOwner").asString()).isEqualTo(properties.instanceId());
        assertThat(event.get("epoch").asLong()).isEqualTo(2);

        http.get()
                .uri("/api/transactions/{txId}", txId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.owner")
                .isEqualTo(properties.instanceId())
                .jsonPath("$.epoch")
                .isEqualTo(2);
        http.get()
                .uri("/tx/transactions/{txId}", txId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.epoch")
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(live().recent())
                        .filteredOn(tx -> tx.txId().equals(txId))
                        .singleElement()
                        .satisfies(tx -> {
                            assertThat(tx.owner()).isEqualTo(properties.instanceId());
                            assertThat(tx.epoch()).isEqualTo(2);
                            assertThat(tx.events())
                                    .extracting(LiveTransactions.Event::type)
                                    .startsWith("taken-over")
                                    .endsWith("completed");
                        }));
    }

    @Test
    void shouldLeaveATransactionToItsOwnerWhileItsLeaseRuns() {
        var txId = aLoggedTransaction()
                .createdAgo(Duration.ofMinutes(1))
                .timeoutMillis(1000)
                .votedYes("order")
                .notVoted("payment")
                .insertInto(jdbc);

        recovery.recoverAfterStart();

        // past its deadline, but its owner is alive: neither start-up recovery nor the scheduled passes touch it
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(logRow(txId)).contains(new LogRow("PREPARING", null, null, false, false));
            assertThat(ownership(txId)).isEqualTo(new Ownership("live-instance", 1));
            assertThat(ORDER.received(txId)).isEmpty();
            assertThat(PAYMENT.received(txId)).isEmpty();
        });
    }

    @Test
    void shouldStopARunWhoseLogWritesAreFencedAndSendNothingMore(CapturedOutput output) throws Exception {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(20_000);
        var txId = transaction.txId();
        var outcome = CompletableFuture.supplyAsync(() -> begin(transaction));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(votesKnown(txId)).isEqualTo(2));

        // another instance took it over while this one waited for payment's vote (its lease had expired)
        jdbc.sql("""
                        UPDATE transactions
                        SET owner = 'rival-instance', epoch = epoch + 1, lease_expires_at = now() + interval '10 minutes'
                        WHERE tx_id = :txId""").param("txId", txId).update();
        PAYMENT.answersHeldPrepares();

        // the last YES would have logged COMMIT with the votes and sent it: the write is refused, and the run stops
        var answer = outcome.get(10, TimeUnit.SECONDS);
        assertThat(answer.state()).isEqualTo("PREPARING");
        assertThat(answer.decision()).isNull();
        assertThat(output)
                .contains("this instance was fenced out of transaction " + txId + " by rival-instance at epoch 2");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
                assertThat(participant.stepsReceived(txId)).containsExactly("prepare");
            }
        });
        assertThat(votesLogged(txId)).isZero();
        assertThat(logRow(txId)).contains(new LogRow("PREPARING", null, null, false, false));
        assertThat(ownership(txId)).isEqualTo(new Ownership("rival-instance", 2));
    }

    @Test
    void shouldStopARunWhenAParticipantRefusesItsEpochAsStale(CapturedOutput output) {
        PAYMENT.refusesEpochAsStale("prepare");
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(30_000);
        var txId = transaction.txId();

        var answer = begin(transaction);

        // payment has seen a higher epoch: another instance runs the transaction, so this run decides nothing
        assertThat(answer.state()).isEqualTo("PREPARING");
        assertThat(answer.decision()).isNull();
        assertThat(output)
                .contains("this instance was fenced out of transaction " + txId + ": payment refused epoch 1 as stale");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
                assertThat(participant.stepsReceived(txId)).containsExactly("prepare");
            }
        });
        assertThat(logRow(txId)).contains(new LogRow("PREPARING", null, null, false, false));
        assertThat(jdbc.sql("SELECT vote IS NULL FROM branches WHERE tx_id = :txId AND participant = 'payment'")
                        .param("txId", txId)
                        .query(Boolean.class)
                        .single())
                .as("payment's vote is not logged")
                .isTrue();
    }

    @Test
    void shouldRenewTheLeaseOfATransactionWhileItsRunLives() throws Exception {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "payment").timeoutMillis(20_000);
        var txId = transaction.txId();
        var outcome = CompletableFuture.supplyAsync(() -> begin(transaction));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(PAYMENT.stepsReceived(txId)).contains("prepare"));
        var firstLease = leaseExpiresAt(txId);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(leaseExpiresAt(txId)).isAfter(firstLease));
        assertThat(ownership(txId)).isEqualTo(new Ownership(properties.instanceId(), 1));

        PAYMENT.answersHeldPrepares();
        assertThat(outcome.get(10, TimeUnit.SECONDS).state()).isEqualTo("COMMITTED");
    }

    /** What another coordinator instance on the same database does with leases, under its own name. */
    private TransactionLeases anotherInstance(String instanceId) {
        var itsProperties = new CoordinatorProperties(
                instanceId,
                Map.of(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofMinutes(10),
                Duration.ofSeconds(1));
        return new TransactionLeases(jdbc, transactions, events, clock, itsProperties);
    }

    private List<RecordedEvent> takenOverEvents(String txId) {
        return txEvents.recordsWithKey(txId, TransactionEvent.TakenOver.TYPE);
    }

    private Instant leaseExpiresAt(String txId) {
        return jdbc.sql("SELECT lease_expires_at FROM transactions WHERE tx_id = :txId")
                .param("txId", txId)
                .query((row, rowNumber) ->
                        row.getObject(1, OffsetDateTime.class).toInstant())
                .single();
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
}
