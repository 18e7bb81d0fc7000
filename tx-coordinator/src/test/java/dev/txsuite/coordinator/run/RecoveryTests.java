package dev.txsuite.coordinator.run;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RecoveryTests extends CoordinatorIntegrationTest {

    @Autowired
    private RecoverUnfinishedTransactions recovery;

    @Test
    void shouldAbortAnUndecidedTransactionLeftPastItsDeadlineByACrash() {
        var txId = aLoggedTransaction()
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
    void shouldAbortEveryUndecidedTransactionInTheLogAtStartUp() {
        var txId = aLoggedTransaction().votedYes("order").votedYes("payment").insertInto(jdbc);

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
}
