package dev.txsuite.launcher.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything docs/benchmarks.md says: the machine, how the bench was run, what it measured, and whether the
 * invariants held afterwards.
 *
 * @param loadAverageAtEnd the one-minute load average once the last step was over
 * @param suiteViolations what {@code ./suite verify}'s checks found in the suite (2PC and 3PC), empty when all hold
 * @param baselineViolations what {@link BaselineInvariants} found in the baseline, empty when all hold
 */
public record BenchReport(
        MachineRecord machine,
        OptionalDouble loadAverageAtEnd,
        BenchOptions options,
        Measurements measurements,
        List<String> suiteViolations,
        List<String> baselineViolations) {

    public BenchReport {
        suiteViolations = List.copyOf(suiteViolations);
        baselineViolations = List.copyOf(baselineViolations);
    }

    public boolean invariantsHold() {
        return suiteViolations.isEmpty() && baselineViolations.isEmpty();
    }
}
