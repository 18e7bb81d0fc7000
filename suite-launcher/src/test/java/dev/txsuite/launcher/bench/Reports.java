package dev.txsuite.launcher.bench;

import static dev.txsuite.launcher.bench.Steps.step;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Test data: the report of a bench of 10, 20 and 40 orders a second on a quiet machine, where the baseline keeps up
 * with every rate (39.6/s at 40), 2PC saturates at 21/s (0.53 of it) and 3PC at 12/s (0.30); each test changes what
 * it is about.
 */
final class Reports {

    static final MachineRecord QUIET_MACHINE = new MachineRecord(
            8,
            OptionalLong.of(16L << 30),
            Optional.of("Test CPU @ 3.00GHz"),
            "Eclipse Adoptium 25.0.3+9-LTS",
            "Linux 6.8.0 amd64",
            ZonedDateTime.of(2026, 11, 23, 16, 40, 0, 0, ZoneOffset.UTC),
            OptionalDouble.of(0.5));

    private Reports() {}

    /**
     * What a step's orders cost: two commits of each process that used CPU, as many statements as its milliseconds
     * of CPU, 3 WAL flushes and 9 events an order.
     *
     * @param millis CPU milliseconds per process over the step
     */
    static OrderCost cpu(long orders, Map<String, Integer> millis) {
        var used = new HashMap<String, Duration>();
        var commits = new HashMap<String, Long>();
        var statements = new HashMap<String, Long>();
        millis.forEach((process, ms) -> {
            used.put(process, Duration.ofMillis(ms));
            commits.put(process, 2 * orders);
            statements.put(process, (long) ms);
        });
        return new OrderCost(
                used,
                Map.of("gateway", orders),
                commits,
                Optional.of(statements),
                OptionalLong.of(3 * orders),
                OptionalLong.of(9 * orders),
                orders);
    }

    /** The measurements with a step at twice each protocol's saturation: 2PC held, 3PC did not. */
    static Measurements overloaded(Measurements measurements) {
        return new Measurements(
                measurements.sweeps(),
                measurements.halfBaselineRate(),
                measurements.atHalfBaselineRate(),
                Map.of(
                        BenchSystem.TWO_PC,
                        new StepResult(
                                BenchSystem.TWO_PC,
                                42,
                                2520,
                                1200,
                                0,
                                1320,
                                20,
                                Optional.of(new StepResult.Latency(300, 700, 900)),
                                new StepResult.Refusals(1300, 0, Optional.of(12L))),
                        BenchSystem.THREE_PC,
                        new StepResult(
                                BenchSystem.THREE_PC,
                                24,
                                1440,
                                500,
                                0,
                                940,
                                8.3,
                                Optional.of(new StepResult.Latency(900, 4000, 7000)),
                                new StepResult.Refusals(600, 3, Optional.of(6500L)))),
                measurements.costs(),
                measurements.notes());
    }

    static Measurements measurements() {
        var baseline = new SweepResult(
                BenchSystem.BASELINE,
                List.of(
                        step(BenchSystem.BASELINE, 10).taking(3, 6, 9).result(),
                        step(BenchSystem.BASELINE, 20).taking(3, 7, 11).result(),
                        step(BenchSystem.BASELINE, 40)
                                .confirming(39.6)
                                .taking(4, 9, 15)
                                .result()),
                false);
        var twoPc = new SweepResult(
                BenchSystem.TWO_PC,
                List.of(
                        step(BenchSystem.TWO_PC, 10).taking(40, 80, 120).result(),
                        step(BenchSystem.TWO_PC, 20).taking(60, 150, 300).result(),
                        step(BenchSystem.TWO_PC, 40)
                                .confirming(21)
                                .answering(1200, 6, 3)
                                .taking(900, 3000, 7000)
                                .result()),
                true);
        var threePc = new SweepResult(
                BenchSystem.THREE_PC,
                List.of(
                        step(BenchSystem.THREE_PC, 10).taking(55, 100, 160).result(),
                        step(BenchSystem.THREE_PC, 20)
                                .confirming(12)
                                .answering(600, 30, 90)
                                .taking(800, 4000, 8100)
                                .result()),
                true);
        return new Measurements(
                Map.of(BenchSystem.BASELINE, baseline, BenchSystem.TWO_PC, twoPc, BenchSystem.THREE_PC, threePc),
                Optional.of(19.8),
                Map.of(
                        BenchSystem.BASELINE,
                                step(BenchSystem.BASELINE, 19.8)
                                        .taking(3, 7, 10)
                                        .result(),
                        BenchSystem.TWO_PC,
                                step(BenchSystem.TWO_PC, 19.8)
                                        .answering(594, 0, 6)
                                        .taking(85, 290, 650)
                                        .result(),
                        BenchSystem.THREE_PC,
                                step(BenchSystem.THREE_PC, 19.8)
                                        .confirming(12.1)
                                        .taking(700, 3900, 8000)
                                        .result()),
                Map.of(
                        BenchSystem.BASELINE,
                                Map.of(
                                        10.0, cpu(300, Map.of("baseline", 1800, "postgres", 900, "kafka", 300)),
                                        20.0, cpu(594, Map.of("baseline", 2970, "postgres", 1188, "kafka", 594))),
                        BenchSystem.TWO_PC,
                                Map.of(
                                        10.0,
                                        cpu(
                                                300,
                                                Map.of(
                                                        "order",
                                                        9000,
                                                        "coordinator",
                                                        12000,
                                                        "postgres",
                                                        15000,
                                                        "kafka",
                                                        4500)),
                                        20.0,
                                        cpu(
                                                594,
                                                Map.of(
                                                        "order",
                                                        17820,
                                                        "coordinator",
                                                        23760,
                                                        "postgres",
                                                        29700,
                                                        "kafka",
                                                        8910))),
                        BenchSystem.THREE_PC,
                                Map.of(
                                        10.0,
                                        cpu(
                                                360,
                                                Map.of(
                                                        "order",
                                                        14400,
                                                        "coordinator",
                                                        21600,
                                                        "postgres",
                                                        21600,
                                                        "kafka",
                                                        7200)),
                                        20.0,
                                        cpu(100, Map.of("order", 1, "coordinator", 1, "postgres", 1, "kafka", 1)))),
                List.of());
    }

    static BenchReport report(Measurements measurements) {
        return new BenchReport(
                QUIET_MACHINE,
                OptionalDouble.of(1.25),
                BenchOptions.parse(List.of("--rates", "10,20,40", "--step", "30s"), Map.of()),
                measurements,
                List.of(),
                List.of());
    }
}
