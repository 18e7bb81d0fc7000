package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.canCommit;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.participant.counting.ParticipantDatabase.WorkRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A branch's timer is its row: a participant that restarts finds its in-doubt branches and settles them. */
class TimerRestartTests {

    @Test
    void shouldKeepTheDeadlineAcrossARestartAndSettleTheBranchAfterIt() {
        try (var participant = RunningParticipant.start(
                "restarting",
                Map.of(
                        "coordinator-url", RunningParticipant.nowhere().toString(),
                        "ready-timeout", "3s",
                        "timer-interval", "100ms"))) {
            var txId = newTxId();
            participant
                    .endpoints()
                    .post(txId, "prepare", canCommit(2, List.of(participant.asPeer())))
                    .expectStatus()
                    .isOk();
            var before = participant.database().branch(txId).orElseThrow();

            participant.stop();
            var whileStopped = participant.database().branch(txId).orElseThrow();
            participant.startAgain();

            assertThat(whileStopped.state()).isEqualTo("PREPARED");
            assertThat(whileStopped.deadline()).isEqualTo(before.deadline());
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() ->
                            assertThat(participant.database().stateOf(txId)).contains("ABORTED"));
            assertThat(participant.database().work(txId)).contains(new WorkRow(2, "ABORTED", "COORDINATOR_LOST"));
        }
    }
}
