package dev.txsuite.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultsTests {

    private final AtomicInteger halts = new AtomicInteger();
    private final Faults faults = new Faults(Set.of("votes-collected", "pre-commit-done"), halts::incrementAndGet);

    @Test
    void shouldHaltOnlyAtAnArmedPoint() {
        faults.arm(new FaultPlan(Set.of("pre-commit-done"), Set.of(), Set.of()));

        faults.reached("votes-collected");
        assertThat(halts).hasValue(0);
        faults.reached("pre-commit-done");
        assertThat(halts).hasValue(1);
    }

    @Test
    void shouldDoNothingUntilArmed() {
        faults.reached("votes-collected");

        assertThat(halts).hasValue(0);
        assertThat(faults.drops("prepare")).isFalse();
        assertThat(faults.cutOff("inventory")).isFalse();
    }

    @Test
    void shouldDropTheArmedMessagesAndCutTheArmedPeers() {
        faults.arm(new FaultPlan(Set.of(), Set.of("pre-commit"), Set.of("inventory")));

        assertThat(faults.drops("pre-commit")).isTrue();
        assertThat(faults.drops("commit")).isFalse();
        assertThat(faults.cutOff("inventory")).isTrue();
        assertThat(faults.cutOff("payment")).isFalse();
    }

    @Test
    void shouldForceTheArmedNoVoteAndForgetItWhenCleared() {
        faults.arm(new FaultPlan(Set.of(), Set.of(), Set.of(), Map.of("prepare", 200L), "OUT_OF_STOCK"));
        assertThat(faults.forcedNoVote()).contains("OUT_OF_STOCK");
        assertThat(faults.plan().delayMillis()).containsEntry("prepare", 200L);

        faults.arm(FaultPlan.NONE);

        assertThat(faults.forcedNoVote()).isEmpty();
    }

    @Test
    void shouldRefuseANegativeOrHugeDelayAndABlankNoVote() {
        assertThatThrownBy(() -> new FaultPlan(Set.of(), Set.of(), Set.of(), Map.of("prepare", -1L), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prepare");
        assertThatThrownBy(() -> new FaultPlan(Set.of(), Set.of(), Set.of(), Map.of("prepare", 3_600_000L), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultPlan(Set.of(), Set.of(), Set.of(), Map.of(), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAHaltPointTheServiceDoesNotHave() {
        assertThatThrownBy(() -> faults.arm(new FaultPlan(Set.of("after-lunch"), Set.of(), Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after-lunch")
                .hasMessageContaining("votes-collected");
        assertThat(faults.plan()).isEqualTo(FaultPlan.NONE);
    }

    @Test
    void shouldRefuseToAskForAPointItDoesNotDeclare() {
        assertThatThrownBy(() -> faults.reached("typo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAnUnknownMessageKind() {
        assertThatThrownBy(() -> new FaultPlan(Set.of(), Set.of("commmit"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commmit");
    }
}
