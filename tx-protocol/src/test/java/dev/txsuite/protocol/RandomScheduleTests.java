package dev.txsuite.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.protocol.RandomSchedule.Outcome;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Reply.Refused;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Atomicity of the two machines together, over thousands of seeded random schedules. */
class RandomScheduleTests {

    private static final int SCHEDULES = 3_000;

    private static final List<Outcome> OUTCOMES = LongStream.rangeClosed(1, SCHEDULES)
            .mapToObj(seed -> new RandomSchedule(seed).play())
            .toList();

    @Test
    void shouldNeverCommitOneParticipantAndAbortAnother() {
        for (var outcome : OUTCOMES) {
            var states =
                    outcome.branches().values().stream().map(b -> b.state()).toList();

            assertThat(states.contains(BranchState.COMMITTED) && states.contains(BranchState.ABORTED))
                    .as(outcome::describe)
                    .isFalse();
            assertThat(outcome.refusals())
                    .as(outcome::describe)
                    .doesNotContain(Refused.CONFLICT, Refused.UNKNOWN_TRANSACTION);
        }
    }

    @Test
    void shouldCommitOnlyWhenEveryParticipantVotedYes() {
        for (var outcome : OUTCOMES) {
            boolean committed =
                    outcome.branches().values().stream().anyMatch(branch -> branch.state() == BranchState.COMMITTED);

            if (committed || outcome.coordinator().decision() == Decision.COMMIT) {
                assertThat(outcome.intendedVotes().values())
                        .as(outcome::describe)
                        .allMatch(Vote::isYes);
            }
        }
    }

    @Test
    void shouldLeaveEveryParticipantWithTheDecisionOnceTheNetworkHeals() {
        for (var outcome : OUTCOMES) {
            var expected = outcome.coordinator().decision() == Decision.COMMIT
                    ? List.of(BranchState.COMMITTED)
                    : List.of(BranchState.ABORTED, BranchState.NONE);

            assertThat(outcome.coordinator().phase()).as(outcome::describe).isEqualTo(TxPhase.ENDED);
            assertThat(outcome.branches().values())
                    .as(outcome::describe)
                    .allSatisfy(branch -> assertThat(branch.state()).isIn(expected));
        }
    }

    @Test
    void shouldExerciseBothOutcomesAndEveryKindOfFailure() {
        assertThat(OUTCOMES)
                .anyMatch(outcome -> outcome.coordinator().decision() == Decision.COMMIT)
                .anyMatch(outcome ->
                        Reasons.VOTE_TIMEOUT.equals(outcome.coordinator().reason()))
                .anyMatch(outcome -> Reasons.PARTICIPANT_UNAVAILABLE.equals(
                        outcome.coordinator().reason()))
                .anyMatch(outcome -> Reasons.COORDINATOR_RECOVERY.equals(
                        outcome.coordinator().reason()))
                .anyMatch(outcome -> "OUT_OF_STOCK".equals(outcome.coordinator().reason()))
                .anyMatch(outcome -> outcome.refusals().contains(Refused.STALE_EPOCH));
    }
}
