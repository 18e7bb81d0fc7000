package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.canCommit;
import static dev.txsuite.participant.counting.Messages.units;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.participant.counting.ParticipantDatabase.WorkRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An in-doubt branch whose timer expires asks the coordinator (here a stub over real HTTP) and does what the
 * answer says; only when no answer comes does a 3PC branch terminate on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorAnswersTests {

    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(10);

    private StubCoordinator coordinator;
    private RunningParticipant solo;

    @BeforeAll
    void start() {
        coordinator = StubCoordinator.start();
        solo = RunningParticipant.start(
                "solo",
                Map.of(
                        "coordinator-url", coordinator.url().toString(),
                        "ready-timeout", "300ms",
                        "pre-commit-timeout", "300ms",
                        "timer-interval", "100ms"));
    }

    @AfterEach
    void disarm() {
        solo.disarm();
    }

    @AfterAll
    void stop() {
        solo.close();
        coordinator.close();
    }

    @Test
    void shouldCommitWhenTheCoordinatorAnswersCommit() {
        var txId = newTxId();
        coordinator.decided(txId, "COMMIT", null);

        solo.endpoints().prepare(txId, units(3)).expectStatus().isOk();

        awaitState(txId, "COMMITTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(3, "COMMITTED", null));
        assertThat(solo.database().branch(txId).orElseThrow().deadline()).isNull();
    }

    @Test
    void shouldAbortWithTheCoordinatorsReasonWhenItAnswersAbort() {
        var txId = newTxId();
        coordinator.decided(txId, "ABORT", "OUT_OF_STOCK");

        canCommitAlone(txId, 3);

        awaitState(txId, "ABORTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(3, "ABORTED", "OUT_OF_STOCK"));
    }

    @Test
    void shouldWaitWhileTheCoordinatorIsUndecidedThenApplyItsDecision() {
        var txId = newTxId();
        coordinator.undecided(txId);
        canCommitAlone(txId, 2);

        await().atMost(SETTLED_WITHIN).until(() -> coordinator.questionsAbout(txId) >= 3);
        assertThat(solo.database().stateOf(txId)).contains("PREPARED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(2, "PREPARED", null));

        coordinator.decided(txId, "COMMIT", null);
        awaitState(txId, "COMMITTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(2, "COMMITTED", null));
    }

    @Test
    void shouldPresumeAbortWhenTheCoordinatorHasNoRecord() {
        var txId = newTxId();

        solo.endpoints().prepare(txId, units(4)).expectStatus().isOk();

        awaitState(txId, "ABORTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(4, "ABORTED", "COORDINATOR_RECOVERY"));
    }

    @Test
    void shouldTerminateA3pcBranchWhenTheCoordinatorFails() {
        var txId = newTxId();
        coordinator.failing(txId);

        canCommitAlone(txId, 1);

        awaitState(txId, "ABORTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(1, "ABORTED", "COORDINATOR_LOST"));
    }

    @Test
    void shouldTerminateA3pcBranchCutOffFromTheCoordinatorWithoutAskingIt() {
        var txId = newTxId();
        coordinator.decided(txId, "COMMIT", null);
        solo.arm("""
                {"unreachable":["coordinator"]}""");

        canCommitAlone(txId, 1);

        awaitState(txId, "ABORTED");
        assertThat(solo.database().work(txId)).contains(new WorkRow(1, "ABORTED", "COORDINATOR_LOST"));
        assertThat(coordinator.questionsAbout(txId)).isZero();
    }

    /** A 3PC transaction whose only participant is this one, so that its termination protocol asks nobody else. */
    private void canCommitAlone(String txId, int units) {
        solo.endpoints()
                .post(txId, "prepare", canCommit(units, List.of(solo.asPeer())))
                .expectStatus()
                .isOk();
    }

    private void awaitState(String txId, String state) {
        await().atMost(SETTLED_WITHIN)
                .untilAsserted(() -> assertThat(solo.database().stateOf(txId)).contains(state));
    }
}
