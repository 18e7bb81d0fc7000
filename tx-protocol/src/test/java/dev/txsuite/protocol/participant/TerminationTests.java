package dev.txsuite.protocol.participant;

import static dev.txsuite.protocol.participant.BranchState.ABORTED;
import static dev.txsuite.protocol.participant.BranchState.COMMITTED;
import static dev.txsuite.protocol.participant.BranchState.NONE;
import static dev.txsuite.protocol.participant.BranchState.PREPARED;
import static dev.txsuite.protocol.participant.BranchState.PRE_COMMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.protocol.Decision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminationTests {

    @Test
    void shouldCommitWhenAnyBranchCommitted() {
        var plan = plan(Map.of("order", COMMITTED, "inventory", PREPARED, "payment", PRE_COMMITTED));

        assertThat(plan.decision()).isEqualTo(Decision.COMMIT);
        assertThat(plan.preCommitFirst()).isEmpty();
        assertThat(plan.tell()).containsExactlyInAnyOrder("inventory", "payment");
    }

    @Test
    void shouldAbortWhenAnyBranchAbortedAndNoneCommitted() {
        var plan = plan(Map.of("order", ABORTED, "inventory", PREPARED, "payment", PREPARED));

        assertThat(plan.decision()).isEqualTo(Decision.ABORT);
        assertThat(plan.tell()).containsExactlyInAnyOrder("inventory", "payment");
    }

    @Test
    void shouldPreCommitTheReadyBranchesThenCommitWhenAnyIsPreCommitted() {
        var plan = plan(Map.of("order", PREPARED, "inventory", PRE_COMMITTED, "payment", PREPARED));

        assertThat(plan.decision()).isEqualTo(Decision.COMMIT);
        assertThat(plan.preCommitFirst()).containsExactlyInAnyOrder("order", "payment");
        assertThat(plan.tell()).containsExactlyInAnyOrder("order", "inventory", "payment");
    }

    @Test
    void shouldAbortWhenEveryBranchIsReady() {
        var plan = plan(Map.of("order", PREPARED, "inventory", PREPARED, "payment", PREPARED));

        assertThat(plan.decision()).isEqualTo(Decision.ABORT);
        assertThat(plan.tell()).containsExactlyInAnyOrder("order", "inventory", "payment");
    }

    @Test
    void shouldLeaveATombstoneAtABranchThatNeverHeardOfTheTransactionWhenAborting() {
        var plan = plan(Map.of("order", PREPARED, "inventory", NONE));

        assertThat(plan.decision()).isEqualTo(Decision.ABORT);
        assertThat(plan.tell()).containsExactlyInAnyOrder("order", "inventory");
    }

    @Test
    void shouldNotTellACommitToABranchThatNeverPrepared() {
        var plan = plan(Map.of("order", PRE_COMMITTED, "inventory", NONE));

        assertThat(plan.decision()).isEqualTo(Decision.COMMIT);
        assertThat(plan.tell()).containsExactly("order");
    }

    @Test
    void shouldDecideOnWhatItCanReachAlone() {
        assertThat(plan(Map.of("inventory", PRE_COMMITTED)).decision()).isEqualTo(Decision.COMMIT);
        assertThat(plan(Map.of("inventory", PREPARED)).decision()).isEqualTo(Decision.ABORT);
    }

    @Test
    void shouldDecideNothingWhenNobodyAnswered() {
        assertThat(Termination.plan(Map.of())).isEmpty();
    }

    @Test
    void shouldFollowTheRulesInTheirOrderWhenBranchesAlreadyDisagree() {
        var split = new LinkedHashMap<String, BranchState>();
        split.put("order", ABORTED);
        split.put("inventory", COMMITTED);

        assertThat(plan(split)).isEqualTo(new TerminationPlan(Decision.COMMIT, List.of(), List.of()));
    }

    @Test
    void shouldElectTheFirstParticipantInCanCommitOrderThatAnsweredInDoubt() {
        var order = List.of("order", "inventory", "payment");

        assertThat(Termination.leader(
                        order, Map.of("order", PREPARED, "inventory", PRE_COMMITTED, "payment", PREPARED)))
                .contains("order");
        assertThat(Termination.leader(order, Map.of("inventory", PREPARED, "payment", PRE_COMMITTED)))
                .as("order did not answer: presumed down")
                .contains("inventory");
        assertThat(Termination.leader(order, Map.of("order", NONE, "inventory", PREPARED, "payment", PREPARED)))
                .as("a branch that never prepared has no timer and cannot lead")
                .contains("inventory");
    }

    @Test
    void shouldElectNobodyWhenAnAnswerIsFinalSinceWhoeverSeesItMayFinish() {
        var order = List.of("order", "inventory", "payment");

        assertThat(Termination.leader(order, Map.of("order", PREPARED, "inventory", ABORTED, "payment", PREPARED)))
                .isEmpty();
        assertThat(Termination.leader(order, Map.of("order", PRE_COMMITTED, "payment", COMMITTED)))
                .isEmpty();
    }

    private static TerminationPlan plan(Map<String, BranchState> reachable) {
        return Termination.plan(reachable).orElseThrow();
    }
}
