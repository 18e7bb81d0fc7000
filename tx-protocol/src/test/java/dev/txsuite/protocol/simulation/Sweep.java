package dev.txsuite.protocol.simulation;

import static org.assertj.core.api.Assertions.fail;

import dev.txsuite.protocol.simulation.Checks.Property;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one mode over its seeds and checks every outcome. The seeds are 1 to {@code -Dsimulation.seeds} (10,000
 * by default); {@code -Dsimulation.seed} runs that one seed alone and prints its trace, and {@code
 * -Dsimulation.mode} then skips the other modes. The first outcome that breaks a property fails the test with the
 * seed, the property, the command that replays it, and the trace.
 */
final class Sweep {

    private static final int DEFAULT_SEEDS = 10_000;

    private final Mode mode;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<Happened, Long> happened = new EnumMap<>(Happened.class);
    private final List<Long> found = new ArrayList<>();
    private int seeds;
    private long millis;

    private Sweep(Mode mode) {
        this.mode = mode;
    }

    /**
     * @param invariants must hold for every seed
     * @param sought a property whose violations are collected rather than failed on, or null
     */
    static Sweep run(Mode mode, List<Property> invariants, Property sought) {
        var only = System.getProperty("simulation.mode");
        Assumptions.assumeTrue(only == null || only.equals(mode.name()), "only " + only + " is replayed");
        var replayed = Long.getLong("simulation.seed");
        var sweep = new Sweep(mode);
        long started = System.nanoTime();
        if (replayed != null) {
            var outcome = Simulation.run(mode, replayed, true);
            System.out.printf(
                    "%s seed %d ends %s; trace:%n%s",
                    mode, replayed, outcome.branchStates(), outcome.trace().full());
            sweep.check(outcome, invariants, sought);
        } else {
            LongStream.rangeClosed(1, Integer.getInteger("simulation.seeds", DEFAULT_SEEDS))
                    .forEach(seed -> sweep.check(Simulation.run(mode, seed, false), invariants, sought));
        }
        sweep.millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "%s: %d seeds in %d ms; outcomes %s; happened %s%n",
                mode, sweep.seeds, sweep.millis, sweep.outcomes, sweep.happened);
        return sweep;
    }

    private void check(Outcome outcome, List<Property> invariants, Property sought) {
        seeds++;
        for (var property : invariants) {
            property.violation(outcome)
                    .ifPresent(violation -> fail("%s seed %d breaks %s: %s%nreplay: %s%ntrace:%n%s"
                            .formatted(
                                    mode,
                                    outcome.seed(),
                                    property.name(),
                                    violation,
                                    outcome.replayCommand(),
                                    Simulation.run(mode, outcome.seed(), true)
                                            .trace()
                                            .full())));
        }
        if (sought != null && sought.violation(outcome).isPresent()) {
            found.add(outcome.seed());
        }
        var logged = outcome.logged();
        outcomes.merge(
                logged == null
                        ? "no record"
                        : logged.decision() == null
                                ? "undecided"
                                : logged.decision() + (logged.reason() == null ? "" : " " + logged.reason()),
                1,
                Integer::sum);
        outcome.tally().forEach((what, count) -> happened.merge(what, (long) count, Long::sum));
    }

    int seeds() {
        return seeds;
    }

    /** The seeds whose outcome broke the sought property, in order. */
    List<Long> found() {
        return found;
    }

    /** The first seed that broke the sought property, played again with its trace. */
    Optional<Outcome> firstFound() {
        return found.stream().findFirst().map(seed -> Simulation.run(mode, seed, true));
    }

    long happened(Happened what) {
        return happened.getOrDefault(what, 0L);
    }

    /** How many seeds ended with a logged decision whose description starts so (e.g. "ABORT VOTE_TIMEOUT"). */
    int outcomes(String decision) {
        return outcomes.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(decision))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** Whether the whole range of seeds ran, rather than one replayed seed. */
    boolean full() {
        return System.getProperty("simulation.seed") == null;
    }
}
