package dev.txsuite.launcher.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the bench measured: each system's sweep, then each system at half the baseline's saturation throughput.
 *
 * @param halfBaselineRate half the baseline's saturation throughput, the rate of the comparison step; empty when the
 *     baseline confirmed nothing, and there was no comparison step
 * @param atHalfBaselineRate each system's comparison step
 * @param overloaded each system offered twice its own saturation throughput (none when the bench was asked for no
 *     overload step, or the system confirmed nothing)
 * @param costs what a confirmed order cost in each step of each system's sweep, by offered rate
 * @param notes what happened that the figures alone do not show (a step that began before the suite was quiet)
 */
public record Measurements(
        Map<BenchSystem, SweepResult> sweeps,
        Optional<Double> halfBaselineRate,
        Map<BenchSystem, StepResult> atHalfBaselineRate,
        Map<BenchSystem, StepResult> overloaded,
        Map<BenchSystem, Map<Double, OrderCost>> costs,
        List<String> notes) {

    /** A stay under twice the saturation throughput keeps at least this share of it as confirmed orders. */
    public static final double HOLDS_UNDER_OVERLOAD = 0.9;

    public Measurements {
        sweeps = Map.copyOf(sweeps);
        atHalfBaselineRate = Map.copyOf(atHalfBaselineRate);
        overloaded = Map.copyOf(overloaded);
        costs = Map.copyOf(costs);
        notes = List.copyOf(notes);
    }

    /** Without overload steps. */
    public Measurements(
            Map<BenchSystem, SweepResult> sweeps,
            Optional<Double> halfBaselineRate,
            Map<BenchSystem, StepResult> atHalfBaselineRate,
            Map<BenchSystem, Map<Double, OrderCost>> costs,
            List<String> notes) {
        this(sweeps, halfBaselineRate, atHalfBaselineRate, Map.of(), costs, notes);
    }

    /** What the system kept under twice its saturation throughput, as a share of that throughput. */
    public Optional<Double> keptUnderOverload(BenchSystem system) {
        var saturation = sweep(system).saturationThroughput();
        return Optional.ofNullable(overloaded.get(system))
                .filter(step -> saturation > 0)
                .map(step -> step.confirmedPerSecond() / saturation);
    }

    /** The systems measured, in the bench's order. */
    public List<BenchSystem> systems() {
        return BenchRun.SYSTEMS.stream().filter(sweeps::containsKey).toList();
    }

    public SweepResult sweep(BenchSystem system) {
        var sweep = sweeps.get(system);
        if (sweep == null) {
            throw new IllegalArgumentException("no sweep of " + system);
        }
        return sweep;
    }

    /**
     * The highest rate of the sweep that every system kept up with and whose cost was read in each, for comparing what
     * an order costs where none is overloaded; else the lowest rate that has a reading in each.
     */
    public Optional<Double> costComparisonRate() {
        var measuredInAll = costs.values().stream()
                .map(Map::keySet)
                .reduce((left, right) -> left.stream().filter(right::contains).collect(Collectors.toSet()))
                .orElse(Set.of());
        if (costs.size() < sweeps.size() || measuredInAll.isEmpty()) {
            return Optional.empty();
        }
        var keptUpInAll = measuredInAll.stream()
                .filter(rate -> sweeps.values().stream()
                        .allMatch(sweep -> sweep.steps().stream()
                                .anyMatch(step -> step.offeredPerSecond() == rate && !Sweep.fellBehind(step))))
                .max(Double::compare);
        return keptUpInAll.or(() -> measuredInAll.stream().min(Double::compare));
    }

    /** The system's saturation throughput over the baseline's; empty when the baseline confirmed nothing. */
    public Optional<Double> ratioToBaseline(BenchSystem system) {
        var baseline = sweep(BenchSystem.BASELINE).saturationThroughput();
        return baseline > 0 ? Optional.of(sweep(system).saturationThroughput() / baseline) : Optional.empty();
    }
}
