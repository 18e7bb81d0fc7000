package dev.txsuite.launcher.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The rates of the sweep in rounds, lowest first, each round one step per system still in the sweep: a change in
 * what else the machine is doing then falls on all three alike rather than on whichever system ran last. A system
 * leaves the sweep after the first step it fell behind in: the rates above it would only pile up a backlog.
 */
public final class Sweep {

    /** A system keeps up while it confirms at least this share of the offered rate. */
    static final double KEEPS_UP = 0.8;
    /** ... and while no more than this share of its requests end in an error. */
    static final double MOST_ERRORS = 0.05;

    /** When a system fell behind, in words. */
    static final String FELL_BEHIND = "it confirmed under " + Math.round(KEEPS_UP * 100)
            + "% of the offered rate, or more than " + Math.round(MOST_ERRORS * 100)
            + "% of its requests ended in an error";

    /** Runs one step: the system under the offered rate. */
    @FunctionalInterface
    public interface Step {
        StepResult run(BenchSystem system, double offeredPerSecond);
    }

    private Sweep() {}

    /** Whether the system could not keep up with the rate of this step. */
    public static boolean fellBehind(StepResult step) {
        return step.confirmedPerSecond() < KEEPS_UP * step.offeredPerSecond() || step.errorShare() > MOST_ERRORS;
    }

    /**
     * @param rates the offered rates, ascending
     * @param afterEachRound told how many steps of the sweep are left at most, once a round is over
     */
    public static Map<BenchSystem, SweepResult> run(
            List<BenchSystem> systems, List<Double> rates, Step step, IntConsumer afterEachRound) {
        var steps = new EnumMap<BenchSystem, List<StepResult>>(BenchSystem.class);
        systems.forEach(system -> steps.put(system, new ArrayList<>()));
        var active = new LinkedHashSet<>(systems);
        var saturated = new LinkedHashSet<BenchSystem>();
        for (var round = 0; round < rates.size() && !active.isEmpty(); round++) {
            for (var system : List.copyOf(active)) {
                var result = step.run(system, rates.get(round));
                steps.get(system).add(result);
                if (fellBehind(result)) {
                    active.remove(system);
                    saturated.add(system);
                }
            }
            afterEachRound.accept(active.size() * (rates.size() - round - 1));
        }
        var results = new EnumMap<BenchSystem, SweepResult>(BenchSystem.class);
        systems.forEach(
                system -> results.put(system, new SweepResult(system, steps.get(system), saturated.contains(system))));
        return results;
    }
}
