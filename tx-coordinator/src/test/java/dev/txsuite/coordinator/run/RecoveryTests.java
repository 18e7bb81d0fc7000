package dev.txsuite.coordinator.run;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import dev.txsuite.coordinator.ScriptedParticipant;
import dev.txsuite.coordinator.config.CoordinatorProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How this instance finishes its own transactions that no run holds: as it finds them after a restart under the
 * same instance id, or once a run was lost. (Another instance's transactions are taken over first: see
 * {@link FailoverTests}.)
 */
class RecoveryTests extends CoordinatorIntegrationTest {

    @Autowired
    private RecoverUnfinishedTransactions recovery;

    @Autowired
    private CoordinatorProperties properties;

    @Test
    void shouldAbortAnUndecidedTransactionLeftPastItsDeadlineWithoutARun() {
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .createdAgo(Duration.ofMinutes(1))
                .timeoutMillis(1000)
                .votedYes("order")
                .notVoted("inventory")
                .insertInto(jdbc);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_RECOVERY", true, true)));
        assertThat(ORDER.stepsReceived(txId)).containsExactly("abort");
        assertThat(INVENTORY.stepsReceived(txId)).containsExactly("abort");
        assertThat(ORDER.received(txId).getFirst().body().get("reason").asString())
                .isEqualTo("COORDINATOR_RECOVERY");
    }

    @Test
    void shouldTellTheInitiatorTheAbortOfATransactionItBeganThatNoRunHolds() {
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .createdAgo(Duration.ofMinutes(1))
                .timeoutMillis(1000)
                .begunBy("order")
                .votedYes("inventory")
                .notVoted("payment")
                .insertInto(jdbc);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_RECOVERY", true, true)));
        // nobody waits for the answer to its begin any more: the initiator is told like the others
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ORDER.stepsReceived(txId)).containsExactly("abort"));
        assertThat(INVENTORY.stepsReceived(txId)).containsExactly("abort");
        assertThat(PAYMENT.stepsReceived(txId)).containsExactly("abort");
    }

    @Test
    void shouldAbortEveryUndecidedTransactionOfThisInstanceAtStartUp() {
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .votedYes("order")
                .votedYes("payment")
                .insertInto(jdbc);

        recovery.recoverAfterStart();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_RECOVERY", true, true)));
        assertThat(ORDER.stepsReceived(txId)).containsExactly("abort");
        assertThat(PAYMENT.stepsReceived(txId)).containsExactly("abort");
    }

    @Test
    void shouldSendACommitLeftUnacknowledgedByACrashToTheParticipantsThatOweAnAck() {
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .committing()
                .acknowledged("order")
                .votedYes("inventory")
                .votedYes("payment")
                .insertInto(jdbc);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(logRow(txId)).contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        assertThat(ORDER.stepsReceived(txId)).isEmpty();
        assertThat(INVENTORY.stepsReceived(txId)).containsExactly("commit");
        assertThat(PAYMENT.stepsReceived(txId)).containsExactly("commit");
        assertThat(acknowledgements(txId)).containsExactly(true, true, true);
    }

    /** Termination rules: all READY, or any ABORTED (and none past PRE-COMMIT): abort. */
    @ParameterizedTest(name = "order {0}, inventory {1}, payment {2}")
    @CsvSource({"PREPARED, PREPARED, PREPARED", "PREPARED, ABORTED, PREPARED"})
    void shouldAbortAPreCommittingTransactionWhenNoBranchIsPreCommitted(
            String order, String inventory, String payment) {
        ORDER.reportsBranchAs(order);
        INVENTORY.reportsBranchAs(inventory);
        PAYMENT.reportsBranchAs(payment);
        var txId = recoverAPreCommittedTransaction();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "COORDINATOR_RECOVERY", true, true)));
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            assertThat(participant.stepsReceived(txId)).containsExactly("state", "abort");
        }
    }

    @Test
    void shouldPreCommitTheReadyBranchesAndCommitWhenOneBranchIsPreCommitted() {
        ORDER.reportsBranchAs("PRE_COMMITTED");
        INVENTORY.reportsBranchAs("PREPARED");
        PAYMENT.reportsBranchAs("PREPARED");
        var txId = recoverAPreCommittedTransaction();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(logRow(txId)).contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        assertThat(ORDER.stepsReceived(txId)).containsExactly("state", "commit");
        assertThat(INVENTORY.stepsReceived(txId)).containsExactly("state", "pre-commit", "commit");
        assertThat(PAYMENT.stepsReceived(txId)).containsExactly("state", "pre-commit", "commit");
        assertThat(preCommitAcknowledgements(txId)).containsExactly(true, true, true);
        assertThat(acknowledgements(txId)).containsExactly(true, true, true);
    }

    @Test
    void shouldAskAgainLaterWhenNoParticipantAnswersTheRecoveryOfAPreCommittingTransaction() {
        List.of(ORDER, INVENTORY, PAYMENT).forEach(participant -> {
            participant.goesDown();
            participant.reportsBranchAs("PRE_COMMITTED");
        });
        // left by a crash long ago, so the scheduled recovery pass picks it up
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .preCommitting()
                .createdAgo(Duration.ofMinutes(1))
                .timeoutMillis(1000)
                .votedYes("order")
                .votedYes("inventory")
                .votedYes("payment")
                .insertInto(jdbc);

        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(logRow(txId)).contains(new LogRow("PRE_COMMITTING", null, null, false, false)));

        List.of(ORDER, INVENTORY, PAYMENT).forEach(ScriptedParticipant::comesBack);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(logRow(txId)).contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        // a pass may have asked while only some were back: whoever answered PRE_COMMITTED settles it
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            assertThat(participant.stepsReceived(txId)).endsWith("commit").doesNotContain("pre-commit", "abort");
        }
    }

    /** A 3PC transaction whose coordinator crashed after logging PRE-COMMIT, recovered as at start-up. */
    private String recoverAPreCommittedTransaction() {
        var txId = aLoggedTransaction()
                .ownedBy(properties.instanceId())
                .preCommitting()
                .votedYes("order")
                .votedYes("inventory")
                .votedYes("payment")
                .insertInto(jdbc);
        recovery.recoverAfterStart();
        return txId;
    }
}
