package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.verify.AwaitQuiet;
import dev.txsuite.launcher.verify.Invariants;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bench's steps against systems that are up: a warm-up per system, the sweep ({@link Sweep}), then one step per
 * system at half the baseline's saturation throughput. Before every step it waits until the suite has finished what
 * the step before left in flight, whichever system that step loaded: they share the machine.
 */
final class BenchRun {

    /** The process name the gateway's CPU is read under, and its requests counted for. */
    static final String GATEWAY = "gateway";

    static final List<BenchSystem> SYSTEMS =
            List.of(BenchSystem.BASELINE, BenchSystem.TWO_PC, BenchSystem.THREE_PC, BenchSystem.BASELINE_DIRECT);
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(3);

    private final BenchOptions options;
    private final Map<BenchSystem, URI> targets;
    private final GatlingStep gatling;
    private final Invariants suite;
    private final ActivityMeter meter;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();
    private final Map<BenchSystem, Map<Double, OrderCost>> costs = new EnumMap<>(BenchSystem.class);
    /** The reading after the last measured step, while nothing has run since: the next step's reading before. */
    private Optional<Activity> lastReading = Optional.empty();

    private int stepsDone;
    private int stepsPlanned;

    /** @param targets each system's base URL: the baseline's, the gateway's for 2PC and 3PC */
    BenchRun(
            BenchOptions options,
            Map<BenchSystem, URI> targets,
            GatlingStep gatling,
            Invariants suite,
            ActivityMeter meter,
            PrintStream out) {
        this.options = options;
        this.targets = Map.copyOf(targets);
        this.gatling = gatling;
        this.suite = suite;
        this.meter = meter;
        this.out = out;
    }

    Measurements run() {
        var lowest = options.rates().getFirst();
        for (var system : SYSTEMS) {
            var what = "warm-up of " + system.label() + " at " + Figures.rate(lowest) + "/s";
            var label = "bench: " + what;
            awaitQuiet(what);
            out.println(label + " for " + options.warmup().toSeconds() + " s (not recorded)");
            lastReading = Optional.empty();
            var warmUp = gatling.run(system, targets.get(system), lowest, options.warmup(), label);
            out.println(label + ": " + describe(warmUp));
        }
        stepsPlanned = SYSTEMS.size() * options.rates().size() + 2 * SYSTEMS.size();
        var sweeps = Sweep.run(
                SYSTEMS,
                options.rates(),
                this::measuredStep,
                leftAtMost -> stepsPlanned = stepsDone + leftAtMost + 2 * SYSTEMS.size());
        var half = sweeps.get(BenchSystem.BASELINE).saturationThroughput() / 2;
        var atHalf = new EnumMap<BenchSystem, StepResult>(BenchSystem.class);
        if (half > 0) {
            out.println("bench: the baseline's saturation throughput is "
                    + Figures.rate(half * 2) + " confirmed orders/s; each system at half of it, "
                    + Figures.rate(half) + "/s:");
            SYSTEMS.forEach(system -> atHalf.put(system, step(system, half, options.step())));
        } else {
            stepsPlanned = stepsDone;
            notes.add("the baseline confirmed no order: there was no step at half its saturation throughput");
        }
        var overloaded = new EnumMap<BenchSystem, StepResult>(BenchSystem.class);
        for (var system : SYSTEMS) {
            var saturation = sweeps.get(system).saturationThroughput();
            if (saturation > 0) {
                out.println("bench: " + system.label() + " at twice its saturation throughput, "
                        + Figures.rate(2 * saturation) + "/s, for "
                        + options.overloadStep().toSeconds() + " s:");
                overloaded.put(system, step(system, 2 * saturation, options.overloadStep()));
            }
        }
        meter.statementsMissing().ifPresent(notes::add);
        return new Measurements(
                sweeps, half > 0 ? Optional.of(half) : Optional.empty(), atHalf, overloaded, costs, notes);
    }

    /**
     * A step of the sweep, with what its orders cost: read from just before it until the suite is quiet again, since
     * what the step left in flight (phase two, the outbox's relays) is part of what its orders cost.
     */
    private StepResult measuredStep(BenchSystem system, double rate) {
        var what = system.label() + " at " + Figures.rate(rate) + "/s";
        awaitQuiet(what);
        var before = lastReading.orElseGet(this::settledReading);
        var result = run(system, rate, options.step());
        awaitQuiet("the reading after " + what);
        var after = settledReading();
        lastReading = Optional.of(after);
        var cost = OrderCost.between(
                before, after, GATEWAY, system.throughTheGateway() ? result.answers() : 0, result.confirmed());
        out.println("bench: " + what + ", per confirmed order: " + describe(cost));
        costs.computeIfAbsent(system, any -> new TreeMap<>()).put(rate, cost);
        return result;
    }

    /** A reading once PostgreSQL's backends have reported what they did. */
    private Activity settledReading() {
        try {
            Thread.sleep(ActivityMeter.SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted while waiting for PostgreSQL's counters");
        }
        return meter.read();
    }

    private StepResult step(BenchSystem system, double rate, Duration duration) {
        awaitQuiet(system.label() + " at " + Figures.rate(rate) + "/s");
        lastReading = Optional.empty();
        return run(system, rate, duration);
    }

    /** One step on a suite that is quiet already. */
    private StepResult run(BenchSystem system, double rate, Duration duration) {
        var label = "bench: [" + (stepsDone + 1) + "/" + stepsPlanned + "] " + system.label() + " at "
                + Figures.rate(rate) + "/s";
        out.println(label + " for " + duration.toSeconds() + " s...");
        var result = gatling.run(system, targets.get(system), rate, duration, label);
        stepsDone++;
        out.println(label + ": " + describe(result));
        return result;
    }

    /** @param what the step about to begin, for the note when the suite is not quiet in time */
    private void awaitQuiet(String what) {
        if (!new AwaitQuiet(suite, out, "bench: ").within(QUIET_WITHIN)) {
            var inFlight = suite.inFlight();
            var note = what + ": began while the suite still had "
                    + inFlight.pendingOrders() + " orders PENDING and " + inFlight.openTransactions()
                    + " transactions open, " + QUIET_WITHIN.toMinutes() + " min after the step before";
            out.println("bench: WARNING: " + note);
            notes.add(note);
        }
    }

    static String describe(OrderCost cost) {
        if (cost.orders() == 0) {
            return "none confirmed";
        }
        var parts = new ArrayList<String>();
        cost.cpu().keySet().stream()
                .filter(process -> cost.millisPerOrder(process) > 0)
                .forEach(process -> parts.add(process + " " + Figures.millis(cost.millisPerOrder(process))));
        var counts = new ArrayList<String>();
        counts.add(Figures.count(cost.httpPerOrder()) + " HTTP exchanges");
        counts.add(Figures.count(cost.commitsPerOrder()) + " commits");
        cost.walFlushesPerOrder().ifPresent(flushes -> counts.add(Figures.count(flushes) + " WAL flushes"));
        cost.statementsPerOrder().ifPresent(statements -> counts.add(Figures.count(statements) + " statements"));
        cost.kafkaEventsPerOrder().ifPresent(events -> counts.add(Figures.count(events) + " Kafka events"));
        return Figures.millis(cost.totalMillisPerOrder()) + " ms of CPU (" + String.join(", ", parts) + "); "
                + String.join(", ", counts);
    }

    static String describe(StepResult step) {
        var latency = step.latency()
                .map(percentiles -> "p50 " + percentiles.p50() + " ms, p95 " + percentiles.p95() + " ms, p99 "
                        + percentiles.p99() + " ms")
                .orElse("no order confirmed");
        return String.format(
                        Locale.ROOT,
                        "%s confirmed/s of %s offered; %s; %d answers, %d aborts (%s%%), %d errors (%s%%)",
                        Figures.rate(step.confirmedPerSecond()),
                        Figures.rate(step.offeredPerSecond()),
                        latency,
                        step.answers(),
                        step.aborts(),
                        Figures.percent(step.abortShare()),
                        step.errors(),
                        Figures.percent(step.errorShare()))
                + (step.refusals().count() == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " of which %d refused (503, %d without Retry-After), p99 of the errors %s ms",
                                step.refusals().count(),
                                step.refusals().withoutRetryAfter(),
                                step.refusals().errorP99().map(String::valueOf).orElse("-")))
                + (Sweep.fellBehind(step) ? "; fell behind: " + Sweep.FELL_BEHIND : "");
    }
}
