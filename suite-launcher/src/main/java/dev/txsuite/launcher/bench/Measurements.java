package dev.txsuite.launcher.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bench measured: each system's sweep, then each system at half the baseline's saturation throughput.
 *
 * @param halfBaselineRate half the baseline's saturation throughput, the rate of the comparison step; empty when the
 *     baseline confirmed nothing, and there was no comparison step
 * @param atHalfBaselineRate each system's comparison step
 * @param notes what happened that the figures alone do not show (a step that began before the suite was quiet)
 */
public record Measurements(
        Map<BenchSystem, SweepResult> sweeps,
        Optional<Double> halfBaselineRate,
        Map<BenchSystem, StepResult> atHalfBaselineRate,
        List<String> notes) {

    public Measurements {
        sweeps = Map.copyOf(sweeps);
        atHalfBaselineRate = Map.copyOf(atHalfBaselineRate);
        notes = List.copyOf(notes);
    }

    public SweepResult sweep(BenchSystem system) {
        var sweep = sweeps.get(system);
        if (sweep == null) {
            throw new IllegalArgumentException("no sweep of " + system);
        }
        return sweep;
    }

    /** The system's saturation throughput over the baseline's; empty when the baseline confirmed nothing. */
    public Optional<Double> ratioToBaseline(BenchSystem system) {
        var baseline = sweep(BenchSystem.BASELINE).saturationThroughput();
        return baseline > 0 ? Optional.of(sweep(system).saturationThroughput() / baseline) : Optional.empty();
    }
}
