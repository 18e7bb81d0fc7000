package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.canCommit;
import static dev.txsuite.participant.counting.Messages.epoch;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.participant.counting.ParticipantDatabase.WorkRow;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Resilience4j guards of the timers' calls: a question to the coordinator that failed once is asked again
 * before a 3PC branch gives up on the coordinator, and a peer whose circuit breaker is open is waited for, never
 * left out of the termination protocol.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedCallsTests {

    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(15);

    private StubCoordinator coordinator;
    private RunningParticipant alpha;
    private RunningParticipant bravo;

    @BeforeAll
    void start() {
        coordinator = StubCoordinator.start();
        alpha = RunningParticipant.start(
                "alpha",
                Map.of(
                        "coordinator-url", coordinator.url().toString(),
                        "ready-timeout", "300ms",
                        "timer-interval", "100ms"));
        // bravo's timers never expire during a test: only alpha leads
        bravo = RunningParticipant.start(
                "bravo",
                Map.of(
                        "coordinator-url", coordinator.url().toString(),
                        "ready-timeout", "10m",
                        "pre-commit-timeout", "10m"));
    }

    @AfterEach
    void healEverything() {
        alpha.disarm();
        alpha.bean(CircuitBreakerRegistry.class).getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterAll
    void stop() {
        alpha.close();
        bravo.close();
        coordinator.close();
    }

    @Test
    void shouldAskTheCoordinatorAgainBeforeTerminatingWhenItFailedOnce() {
        var txId = newTxId();
        coordinator.failingOnce(txId);
        coordinator.decided(txId, "COMMIT", null);

        alpha.endpoints()
                .post(txId, "prepare", canCommit(2, List.of(alpha.asPeer())))
                .expectStatus()
                .isOk();

        await().atMost(SETTLED_WITHIN)
                .untilAsserted(() -> assertThat(alpha.database().stateOf(txId)).contains("COMMITTED"));
        assertThat(alpha.database().work(txId)).contains(new WorkRow(2, "COMMITTED", null));
        assertThat(coordinator.questionsAbout(txId)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldWaitForAPeerWhoseCircuitIsOpenRatherThanLeaveItOut() {
        var txId = newTxId();
        var participants = List.of(alpha.asPeer(), bravo.asPeer());
        alpha.arm("""
                {"unreachable":["coordinator"]}""");
        var peerBravo = alpha.bean(CircuitBreakerRegistry.class).circuitBreaker("peer-bravo", "peer");
        peerBravo.transitionToForcedOpenState();

        for (var participant : List.of(alpha, bravo)) {
            participant
                    .endpoints()
                    .post(txId, "prepare", canCommit(4, participants))
                    .expectStatus()
                    .isOk();
        }
        bravo.endpoints().post(txId, "pre-commit", epoch(1)).expectStatus().isOk();
        var firstDeadline = alpha.database().branch(txId).orElseThrow().deadline();

        // alpha's timer expires again and again, and alone it would abort (all READY): it must wait for bravo
        await().atMost(SETTLED_WITHIN)
                .until(() ->
                        alpha.database().branch(txId).orElseThrow().deadline().isAfter(firstDeadline));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
            assertThat(alpha.database().stateOf(txId)).contains("PREPARED");
            assertThat(bravo.database().stateOf(txId)).contains("PRE_COMMITTED");
        });

        peerBravo.transitionToClosedState();
        await().atMost(SETTLED_WITHIN).untilAsserted(() -> {
            assertThat(alpha.database().work(txId)).contains(new WorkRow(4, "COMMITTED", null));
            assertThat(bravo.database().work(txId)).contains(new WorkRow(4, "COMMITTED", null));
        });
    }
}
