package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.txsuite.launcher.load.GatlingConsole;
import dev.txsuite.launcher.load.GatlingTables;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Against what Gatling printed for real steps of BenchmarkStep: a 2PC step where every order was confirmed, and a
 * baseline step without the bench's top-up (409s for want of stock and money) whose baseline was killed halfway.
 */
class StepResultTests {

    @Test
    void shouldCountConfirmedOrdersAbortsAndErrorsApartAndTimeOnlyTheConfirmed() {
        var step = step(BenchSystem.BASELINE, 6, "bench-step-with-aborts-and-errors.txt");

        assertThat(step.answers()).isEqualTo(60);
        assertThat(step.confirmed()).isEqualTo(18);
        assertThat(step.aborts()).isEqualTo(15);
        assertThat(step.errors()).isEqualTo(27);
        assertThat(step.confirmedPerSecond()).isEqualTo(1.8);
        assertThat(step.latency()).contains(new StepResult.Latency(25, 389, 389));
        assertThat(step.abortShare()).isCloseTo(0.25, within(1e-9));
        assertThat(step.errorShare()).isCloseTo(0.45, within(1e-9));
    }

    @Test
    void shouldReadAStepWhereEveryOrderWasConfirmed() {
        var step = step(BenchSystem.TWO_PC, 4, "bench-step-all-confirmed.txt");

        assertThat(step)
                .isEqualTo(new StepResult(
                        BenchSystem.TWO_PC,
                        4,
                        40,
                        40,
                        0,
                        0,
                        3.64,
                        Optional.of(new StepResult.Latency(494, 1843, 1858)),
                        StepResult.Refusals.NONE));
        assertThat(Sweep.fellBehind(step)).isFalse();
    }

    @Test
    void shouldCountTheRefusalsAndThoseWithoutRetryAfterAmongTheErrors() {
        var step = step(BenchSystem.TWO_PC, 6, "bench-step-overloaded.txt");

        assertThat(step.errors()).isEqualTo(27);
        assertThat(step.refusals()).isEqualTo(new StepResult.Refusals(27, 2, Optional.of(224L)));
        assertThat(step(BenchSystem.BASELINE, 6, "bench-step-with-aborts-and-errors.txt")
                        .refusals())
                .isEqualTo(new StepResult.Refusals(0, 0, Optional.of(224L)));
    }

    @Test
    void shouldHaveNoLatencyWhenNothingWasConfirmed() {
        var step = step(BenchSystem.THREE_PC, 2, "nothing-answered.txt");

        assertThat(step.confirmed()).isZero();
        assertThat(step.errors()).isEqualTo(10);
        assertThat(step.confirmedPerSecond()).isZero();
        assertThat(step.latency()).isEmpty();
        assertThat(Sweep.fellBehind(step)).isTrue();
    }

    private static StepResult step(BenchSystem system, double offered, String console) {
        var tables = GatlingTables.fromConsole(GatlingConsole.lines(console)).orElseThrow();
        return StepResult.fromGatling(system, offered, tables).orElseThrow();
    }
}
