package dev.txsuite.coordinator;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.log.TransactionEvent;
import dev.txsuite.testing.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ThreePhaseCommitTests extends TxEventsRecordingTest {

    @Test
    void shouldPreCommitEveryParticipantBeforeCommittingWithEachStepLoggedBeforeItsMessages() {
        var transaction = aTransaction().over("order", "inventory", "payment").protocol("3PC");
        var preCommitLoggedAtPreCommit = new CopyOnWriteArrayList<Boolean>();
        var logAtPreCommit = new CopyOnWriteArrayList<LogRow>();
        var logAtCommit = new CopyOnWriteArrayList<LogRow>();
        var preCommitAcksAtCommit = new CopyOnWriteArrayList<List<Boolean>>();
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            participant.before("pre-commit", txId -> {
                preCommitLoggedAtPreCommit.add(preCommitLogged(txId));
                logAtPreCommit.add(logRow(txId).orElseThrow());
            });
            participant.before("commit", txId -> {
                logAtCommit.add(logRow(txId).orElseThrow());
                preCommitAcksAtCommit.add(preCommitAcknowledgements(txId));
            });
        }

        var outcome = begin(transaction);

        assertThat(outcome.protocol()).isEqualTo("3PC");
        assertThat(outcome.state()).isEqualTo("COMMITTED");
        assertThat(outcome.decision()).isEqualTo("COMMIT");
        assertThat(preCommitLoggedAtPreCommit).containsExactly(true, true, true);
        assertThat(logAtPreCommit).hasSize(3).containsOnly(new LogRow("PRE_COMMITTING", null, null, false, false));
        assertThat(logAtCommit).hasSize(3).containsOnly(new LogRow("COMMITTING", "COMMIT", null, true, false));
        assertThat(preCommitAcksAtCommit).hasSize(3).containsOnly(List.of(true, true, true));
        assertThat(logRow(transaction.txId())).contains(new LogRow("COMMITTED", "COMMIT", null, true, true));
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            assertThat(participant.stepsReceived(transaction.txId()))
                    .containsExactly("prepare", "pre-commit", "commit");
        }
        var canCommit = INVENTORY.received(transaction.txId()).getFirst().body();
        assertThat(canCommit.get("protocol").asString()).isEqualTo("3PC");
        assertThat(canCommit.get("payload").get("for").asString()).isEqualTo("inventory");
        assertThat(canCommit.get("participants").values())
                .extracting(peer ->
                        peer.get("name").asString() + " " + peer.get("url").asString())
                .containsExactly("order " + ORDER.url(), "inventory " + INVENTORY.url(), "payment " + PAYMENT.url());
        assertThat(INVENTORY
                        .received(transaction.txId())
                        .get(1)
                        .body()
                        .get("epoch")
                        .asLong())
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventsInTimeOrder(transaction.txId()))
                        .extracting(RecordedEvent::type)
                        .containsExactly(
                                TransactionEvent.Begun.TYPE,
                                TransactionEvent.PreCommitted.TYPE,
                                TransactionEvent.Decided.TYPE,
                                TransactionEvent.Completed.TYPE));
        var events = eventsInTimeOrder(transaction.txId());
        assertThat(body(events.getFirst()).get("protocol").asString()).isEqualTo("3PC");
    }

    @Test
    void shouldAbortOnANoVoteWithoutAnyPreCommit() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory", "payment").protocol("3PC");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("ABORTED");
        assertThat(outcome.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(logRow(transaction.txId())).contains(new LogRow("ABORTED", "ABORT", "OUT_OF_STOCK", true, true));
        assertThat(preCommitLogged(transaction.txId())).isFalse();
        assertThat(preCommitAcknowledgements(transaction.txId())).containsOnly(false);
        assertThat(INVENTORY.stepsReceived(transaction.txId())).containsExactly("prepare");
        for (var participant : List.of(ORDER, PAYMENT)) {
            assertThat(participant.stepsReceived(transaction.txId())).containsExactlyInAnyOrder("prepare", "abort");
        }
    }

    @Test
    void shouldAbortWhenAParticipantRefusesPreCommitBecauseTheTerminationProtocolAbortedItsBranch() {
        PAYMENT.refusesPreCommitsAs("ABORTED");
        var transaction = aTransaction().over("order", "inventory", "payment").protocol("3PC");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("ABORTED");
        assertThat(outcome.decision()).isEqualTo("ABORT");
        assertThat(outcome.reason()).isEqualTo("COORDINATOR_LOST");
        assertThat(logRow(transaction.txId())).contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_LOST", true, true));
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("prepare", "pre-commit", "abort");
        // the refusal may decide the abort before the others' PRE-COMMIT even arrived
        for (var participant : List.of(ORDER, INVENTORY)) {
            assertThat(participant.stepsReceived(transaction.txId()))
                    .containsExactlyInAnyOrder("prepare", "pre-commit", "abort");
        }
    }

    @Test
    void shouldCommitWithoutAParticipantThatCannotBeReachedForPreCommitAndRetryDoCommitUntilItAcknowledges() {
        // payment votes YES, then the network to it is cut: its PRE-COMMIT and DO-COMMIT cannot get through
        PAYMENT.before("prepare", txId -> cutOff("payment"));
        var transaction = aTransaction().over("order", "inventory", "payment").protocol("3PC");

        var outcome = begin(transaction);

        assertThat(outcome.decision()).isEqualTo("COMMIT");
        assertThat(outcome.state()).isEqualTo("COMMITTING");
        assertThat(preCommitAcknowledgements(transaction.txId())).containsExactly(true, true, false);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(logRow(transaction.txId())).map(LogRow::state).contains("COMMITTING");
            assertThat(acknowledgements(transaction.txId())).containsExactly(true, true, false);
        });

        clearFaults();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(logRow(transaction.txId()))
                        .contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
        assertThat(ORDER.stepsReceived(transaction.txId())).containsExactly("prepare", "pre-commit", "commit");
        assertThat(acknowledgements(transaction.txId())).containsExactly(true, true, true);
    }

    @Test
    void shouldRecordABranchThatEndedAgainstTheDecisionAndStillEndTheTransaction() {
        PAYMENT.refusesCommitsAs("ABORTED");
        var transaction = aTransaction().over("order", "inventory", "payment").protocol("3PC");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("COMMITTED");
        assertThat(logRow(transaction.txId())).contains(new LogRow("COMMITTED", "COMMIT", null, true, true));
        assertThat(conflicts(transaction.txId())).containsExactly(null, null, "ABORTED");
        assertThat(acknowledgements(transaction.txId())).containsExactly(true, true, true);
        // nothing more is sent to a branch that ended the other way
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(PAYMENT.stepsReceived(transaction.txId()))
                        .containsExactly("prepare", "pre-commit", "commit"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(txEvents.recordsWithKey(transaction.txId()))
                        .filteredOn(event -> TransactionEvent.BranchConflict.TYPE.equals(event.type()))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(body(event).get("participant").asString())
                                    .isEqualTo("payment");
                            assertThat(body(event).get("state").asString()).isEqualTo("ABORTED");
                        }));
        http.get()
                .uri("/api/transactions/{txId}", transaction.txId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.branches[2].conflict")
                .isEqualTo("ABORTED")
                .jsonPath("$.branches[0].conflict")
                .isEmpty()
                .jsonPath("$.branches[*].preCommitted")
                .isEqualTo(List.of(true, true, true));
    }

    @Test
    void shouldDeclareTheHaltPointsOfBothProtocols() {
        http.get()
                .uri("/tx/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.haltPoints")
                .isEqualTo(List.of("pre-commit-done", "votes-collected"));
    }

    private List<String> conflicts(String txId) {
        return jdbc.sql("SELECT conflict FROM branches WHERE tx_id = :txId ORDER BY position")
                .param("txId", txId)
                .query(String.class)
                .list();
    }

    /** The transaction's events so far, in the order they were written (their CloudEvents time). */
    private List<RecordedEvent> eventsInTimeOrder(String txId) {
        return txEvents.recordsWithKey(txId).stream()
                .sorted(Comparator.comparing(event -> Instant.parse(event.header("ce_time"))))
                .toList();
    }
}
