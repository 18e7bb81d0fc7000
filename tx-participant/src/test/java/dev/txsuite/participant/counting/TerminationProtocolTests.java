package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.canCommit;
import static dev.txsuite.participant.counting.Messages.epoch;
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
 * Three counting participants that are each other's peers, and no coordinator (its URL is a closed port): when
 * their timers expire they lead the termination protocol among themselves. A 2PC branch, by contrast, blocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminationProtocolTests {

    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(15);

    private RunningParticipant alpha;
    private RunningParticipant bravo;
    private RunningParticipant charlie;
    private List<RunningParticipant> all;

    @BeforeAll
    void startThreeParticipantsWithoutACoordinator() {
        var settings = Map.of(
                "coordinator-url", RunningParticipant.nowhere().toString(),
                // long enough for a test to deliver its PRE-COMMIT before a READY branch's timer expires
                "ready-timeout", "3s",
                "pre-commit-timeout", "1s",
                "timer-interval", "100ms");
        alpha = RunningParticipant.start("alpha", settings);
        bravo = RunningParticipant.start("bravo", settings);
        charlie = RunningParticipant.start("charlie", settings);
        all = List.of(alpha, bravo, charlie);
    }

    @AfterEach
    void healTheNetwork() {
        all.forEach(RunningParticipant::disarm);
    }

    @AfterAll
    void stop() {
        all.forEach(RunningParticipant::close);
    }

    @Test
    void shouldAbortEveryBranchWhenAllAreReadyAndTheCoordinatorIsLost() {
        var txId = canCommitEverywhere(3);

        for (var participant : all) {
            awaitState(participant, txId, "ABORTED");
            assertThat(participant.database().branch(txId).orElseThrow().reason())
                    .isEqualTo("COORDINATOR_LOST");
            assertThat(participant.database().work(txId)).contains(new WorkRow(3, "ABORTED", "COORDINATOR_LOST"));
        }
    }

    @Test
    void shouldCommitEveryBranchWhenOneIsPreCommittedAndTheCoordinatorIsLost() {
        var txId = canCommitEverywhere(2);
        bravo.endpoints().post(txId, "pre-commit", epoch(1)).expectStatus().isOk();

        for (var participant : all) {
            awaitState(participant, txId, "COMMITTED");
            assertThat(participant.database().work(txId)).contains(new WorkRow(2, "COMMITTED", null));
        }
    }

    /**
     * A participant cut off by fault injection is left out of the others' termination: here the PRE-COMMITTED
     * alpha on one side, the READY bravo and charlie on the other. Each side terminates with what it sees, which
     * is 3PC's known split under a network partition.
     */
    @Test
    void shouldLeaveOutPeersThatAreCutOffAndSplitAsThreePhaseCommitDoesUnderAPartition() {
        alpha.arm("""
                {"unreachable":["bravo","charlie"]}""");
        bravo.arm("""
                {"unreachable":["alpha"]}""");
        charlie.arm("""
                {"unreachable":["alpha"]}""");
        var txId = canCommitEverywhere(1);
        alpha.endpoints().post(txId, "pre-commit", epoch(1)).expectStatus().isOk();

        awaitState(alpha, txId, "COMMITTED");
        awaitState(bravo, txId, "ABORTED");
        awaitState(charlie, txId, "ABORTED");
        assertThat(alpha.database().work(txId)).contains(new WorkRow(1, "COMMITTED", null));
        assertThat(bravo.database().work(txId)).contains(new WorkRow(1, "ABORTED", "COORDINATOR_LOST"));
        assertThat(charlie.database().work(txId)).contains(new WorkRow(1, "ABORTED", "COORDINATOR_LOST"));
    }

    @Test
    void shouldKeepA2pcBranchInDoubtWhileTheCoordinatorIsUnreachable() {
        var txId = newTxId();
        alpha.endpoints().prepare(txId, units(5)).expectStatus().isOk();
        var firstDeadline = alpha.database().branch(txId).orElseThrow().deadline();

        // the timer expired and was re-armed: the branch asked, and did not decide alone
        await().atMost(SETTLED_WITHIN)
                .until(() ->
                        alpha.database().branch(txId).orElseThrow().deadline().isAfter(firstDeadline));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(alpha.database().stateOf(txId)).contains("PREPARED");
            assertThat(alpha.database().work(txId)).contains(new WorkRow(5, "PREPARED", null));
        });
    }

    private String canCommitEverywhere(int units) {
        var txId = newTxId();
        var participants = all.stream().map(RunningParticipant::asPeer).toList();
        all.forEach(participant -> participant
                .endpoints()
                .post(txId, "prepare", canCommit(units, participants))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("YES"));
        return txId;
    }

    private static void awaitState(RunningParticipant participant, String txId, String state) {
        await().atMost(SETTLED_WITHIN)
                .untilAsserted(() -> assertThat(participant.database().stateOf(txId))
                        .as("%s's branch", participant.name())
                        .contains(state));
    }
}
