package dev.txsuite.coordinator;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TwoPhaseCommitTests extends CoordinatorIntegrationTest {

    @Test
    void shouldCommitWhenEveryParticipantVotesYesWithTheDecisionDurableBeforeAnyCommitMessage() {
        var transaction = aTransaction().over("order", "inventory", "payment");
        var logAtCommit = new CopyOnWriteArrayList<LogRow>();
        List.of(ORDER, INVENTORY, PAYMENT)
                .forEach(participant -> participant.before(
                        "commit", txId -> logAtCommit.add(logRow(txId).orElseThrow())));

        var startedBy = Instant.now();
        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("COMMITTED");
        assertThat(outcome.decision()).isEqualTo("COMMIT");
        assertThat(outcome.reason()).isNull();
        assertThat(logAtCommit)
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).isEqualTo(new LogRow("COMMITTING", "COMMIT", null, true, false)));
        assertThat(logRow(transaction.txId())).contains(new LogRow("COMMITTED", "COMMIT", null, true, true));
        assertThat(acknowledgements(transaction.txId())).containsExactly(true, true, true);
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            assertThat(participant.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
        }
        var prepare = ORDER.received(transaction.txId()).getFirst().body();
        assertThat(prepare.get("epoch").asLong()).isEqualTo(1);
        assertThat(prepare.get("protocol").asString()).isEqualTo("2PC");
        assertThat(prepare.get("payload").get("for").asString()).isEqualTo("order");
        // the vote deadline travels with PREPARE: a participant that gets it later votes NO without the work
        assertThat(Instant.parse(prepare.get("voteBy").asString()))
                .isBetween(startedBy, startedBy.plusMillis(2_000 + 1_000));
    }

    @Test
    void shouldAbortWithTheReasonOfANoVoteAndSendAbortOnlyToTheOthers() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory", "payment");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("ABORTED");
        assertThat(outcome.decision()).isEqualTo("ABORT");
        assertThat(outcome.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(INVENTORY.stepsReceived(transaction.txId())).containsExactly("prepare");
        for (var participant : List.of(ORDER, PAYMENT)) {
            assertThat(participant.stepsReceived(transaction.txId()))
                    .contains("abort")
                    .doesNotContain("commit");
            var abort = participant.received(transaction.txId()).stream()
                    .filter(message -> message.step().equals("abort"))
                    .findFirst()
                    .orElseThrow()
                    .body();
            assertThat(abort.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
            assertThat(abort.get("epoch").asLong()).isEqualTo(1);
        }
        assertThat(logRow(transaction.txId())).contains(new LogRow("ABORTED", "ABORT", "OUT_OF_STOCK", true, true));
    }

    @Test
    void shouldAbortWhenAParticipantCannotBeReachedAndDeliverTheAbortOnceItIsBack() {
        PAYMENT.goesDown();
        var transaction = aTransaction().over("order", "payment");

        var outcome = begin(transaction);

        assertThat(outcome.decision()).isEqualTo("ABORT");
        assertThat(outcome.reason()).isEqualTo("PARTICIPANT_UNAVAILABLE");
        // payment may have prepared before the failure, so it is owed the ABORT too: the transaction waits for it
        assertThat(outcome.state()).isEqualTo("ABORTING");
        // the refused connection may decide the abort before order's PREPARE even arrived
        assertThat(ORDER.stepsReceived(transaction.txId())).containsExactlyInAnyOrder("prepare", "abort");

        PAYMENT.comesBack();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(logRow(transaction.txId()))
                        .contains(new LogRow("ABORTED", "ABORT", "PARTICIPANT_UNAVAILABLE", true, true)));
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("abort");
    }

    @Test
    void shouldAbortWithinTheDeadlineWhenAParticipantNeverVotes() {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(500);

        var started = System.nanoTime();
        var outcome = begin(transaction);
        var answeredAfter = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome.state()).isEqualTo("ABORTED");
        assertThat(outcome.reason()).isEqualTo("VOTE_TIMEOUT");
        // the vote deadline plus the answer grace (2s) at the most
        assertThat(answeredAfter).isLessThan(Duration.ofMillis(2500));
        assertThat(ORDER.stepsReceived(transaction.txId())).containsExactly("prepare", "abort");
        assertThat(INVENTORY.stepsReceived(transaction.txId())).containsExactly("prepare", "abort");
        // its PREPARE may have got through with only the answer late, so it gets the ABORT too
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("prepare", "abort");
    }

    @Test
    void shouldRetryCommitUntilAParticipantThatFailsAcknowledgesIt() {
        // three failures exhaust the first delivery's retries; the fourth fails the retry job's first attempt
        PAYMENT.failsCommits(4);
        var transaction = aTransaction().over("order", "inventory", "payment");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("COMMITTING");
        assertThat(outcome.decision()).isEqualTo("COMMIT");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(logRow(transaction.txId()))
                        .contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        assertThat(acknowledgements(transaction.txId())).containsExactly(true, true, true);
        assertThat(PAYMENT.stepsReceived(transaction.txId()))
                .containsExactly("prepare", "commit", "commit", "commit", "commit", "commit");
        assertThat(ORDER.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
    }

    @Test
    void shouldNeverCountARefusedCommitAsAcknowledged() {
        PAYMENT.refusesCommits();
        var transaction = aTransaction().over("order", "payment");

        var outcome = begin(transaction);

        assertThat(outcome.state()).isEqualTo("COMMITTING");
        // a refusal is logged as a protocol violation, never taken for an ack: phase two goes on
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(PAYMENT.stepsReceived(transaction.txId()))
                        .containsSubsequence("commit", "commit", "commit"));
        assertThat(logRow(transaction.txId())).map(LogRow::state).contains("COMMITTING");
        assertThat(acknowledgements(transaction.txId())).containsExactly(true, false);

        PAYMENT.reset();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(transaction.txId()))
                        .contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
    }
}
