package dev.txsuite.launcher.bench;

import java.util.List;

/**
 * One system's sweep: its steps in the order of the offered rates, up to the first one it could not keep up with.
 *
 * @param saturated whether a step fell behind (see {@link Sweep#fellBehind}); when none did, the system served the
 *     highest rate offered and its saturation lies somewhere above it
 */
public record SweepResult(BenchSystem system, List<StepResult> steps, boolean saturated) {

    public SweepResult {
        steps = List.copyOf(steps);
    }

    /** The highest achieved throughput of the sweep, confirmed orders a second: the system's saturation throughput. */
    public double saturationThroughput() {
        return steps.stream().mapToDouble(StepResult::confirmedPerSecond).max().orElse(0);
    }
}
