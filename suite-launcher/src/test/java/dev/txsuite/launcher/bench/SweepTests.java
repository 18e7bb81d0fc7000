package dev.txsuite.launcher.bench;

import static dev.txsuite.launcher.bench.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTests {

    private static final List<BenchSystem> THREE_SYSTEMS =
            List.of(BenchSystem.BASELINE, BenchSystem.TWO_PC, BenchSystem.THREE_PC);

    private static final List<Double> RATES = List.of(10.0, 20.0, 40.0, 80.0, 160.0);

    @Test
    void shouldKeepUpWhileConfirmingAtLeastFourFifthsOfTheRateWithFewErrors() {
        assertThat(Sweep.fellBehind(step(BenchSystem.TWO_PC, 40).confirming(32).result()))
                .isFalse();
        assertThat(Sweep.fellBehind(
                        step(BenchSystem.TWO_PC, 40).confirming(31.9).result()))
                .isTrue();
        assertThat(Sweep.fellBehind(
                        step(BenchSystem.TWO_PC, 40).answering(1000, 0, 50).result()))
                .isFalse();
        assertThat(Sweep.fellBehind(
                        step(BenchSystem.TWO_PC, 40).answering(1000, 0, 51).result()))
                .isTrue();
        assertThat(Sweep.fellBehind(
                        step(BenchSystem.TWO_PC, 40).confirmingNothing().result()))
                .isTrue();
    }

    @Test
    void shouldOfferEachRateToEverySystemInTurnAndDropEachAfterItsFirstStepBehind() {
        var capacity = Map.of(BenchSystem.BASELINE, 100.0, BenchSystem.TWO_PC, 30.0, BenchSystem.THREE_PC, 15.0);
        var order = new ArrayList<String>();

        var sweeps = Sweep.run(
                THREE_SYSTEMS,
                RATES,
                (system, rate) -> {
                    order.add(system.label() + "@" + (int) rate);
                    return step(system, rate)
                            .confirming(Math.min(rate, capacity.get(system)))
                            .result();
                },
                left -> {});

        assertThat(order)
                .containsExactly(
                        "baseline@10",
                        "2PC@10",
                        "3PC@10",
                        "baseline@20",
                        "2PC@20",
                        "3PC@20",
                        "baseline@40",
                        "2PC@40",
                        "baseline@80",
                        "baseline@160");
        assertThat(sweeps.get(BenchSystem.THREE_PC).steps()).hasSize(2);
        assertThat(sweeps.get(BenchSystem.THREE_PC).saturated()).isTrue();
        assertThat(sweeps.get(BenchSystem.THREE_PC).saturationThroughput()).isEqualTo(15);
        assertThat(sweeps.get(BenchSystem.TWO_PC).saturationThroughput()).isEqualTo(30);
        assertThat(sweeps.get(BenchSystem.BASELINE).saturated()).isTrue();
        assertThat(sweeps.get(BenchSystem.BASELINE).saturationThroughput()).isEqualTo(100);
    }

    @Test
    void shouldTakeTheHighestThroughputOfTheSweepEvenWhenTheLastStepAchievedLess() {
        var throughputs = Map.of(10.0, 10.0, 20.0, 19.5, 40.0, 12.0);

        var sweep = Sweep.run(
                        List.of(BenchSystem.TWO_PC),
                        RATES,
                        (system, rate) -> step(system, rate)
                                .confirming(throughputs.get(rate))
                                .result(),
                        left -> {})
                .get(BenchSystem.TWO_PC);

        assertThat(sweep.steps()).extracting(StepResult::offeredPerSecond).containsExactly(10.0, 20.0, 40.0);
        assertThat(sweep.saturationThroughput()).isEqualTo(19.5);
    }

    @Test
    void shouldSayWhenASystemKeptUpWithEveryRate() {
        var sweep = Sweep.run(
                        List.of(BenchSystem.BASELINE),
                        RATES,
                        (system, rate) -> step(system, rate).result(),
                        left -> {})
                .get(BenchSystem.BASELINE);

        assertThat(sweep.steps()).hasSize(RATES.size());
        assertThat(sweep.saturated()).isFalse();
        assertThat(sweep.saturationThroughput()).isEqualTo(160);
    }

    @Test
    void shouldTellAfterEachRoundHowManyStepsAreLeftAtMost() {
        var left = new ArrayList<Integer>();

        Sweep.run(
                THREE_SYSTEMS,
                List.of(10.0, 20.0, 40.0),
                (system, rate) -> system == BenchSystem.THREE_PC
                        ? step(system, rate).confirming(rate / 2).result()
                        : step(system, rate).result(),
                left::add);

        assertThat(left).containsExactly(4, 2, 0);
    }
}
