package dev.txsuite.launcher.bench;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** docs/benchmarks.md: the figures of one bench, how they were measured, and on what. */
final class BenchmarkMarkdown {

    static final String CHART = "benchmark-latency.png";

    /** Issue 7's targets: each protocol's saturation throughput as a share of the baseline's. */
    private static final double TWO_PC_TARGET = 0.5;

    private static final double THREE_PC_TARGET = 0.4;

    private BenchmarkMarkdown() {}

    /** The report without the hand-written analysis. */
    static String of(BenchReport report) {
        return of(report, Optional.empty());
    }

    /**
     * @param analysis the hand-written part of "Where the time goes" (docs/benchmark-analysis.md): what a profile of
     *     the services found and what was changed to move the figures, kept apart so that a new bench keeps it
     */
    static String of(BenchReport report, Optional<String> analysis) {
        var text = new StringBuilder();
        intro(report, text);
        summary(report, text);
        sweep(report.measurements(), text);
        machine(report, text);
        howItWasRun(report.options(), text);
        invariants(report, text);
        whereTheTimeGoes(report.measurements(), report.machine().cores(), analysis, text);
        return text.toString();
    }

    private static void intro(BenchReport report, StringBuilder text) {
        var machine = report.machine();
        text.append("# Benchmarks: the baseline, 2PC and 3PC\n\n");
        text.append("The baseline places an order in one local transaction of one PostgreSQL database"
                + " (baseline-service); 2PC and 3PC place the same order through the gateway across order-service,"
                + " inventory-service and payment-service, each with a database of its own, and the tx-coordinator."
                + " Written by `./suite bench` on ");
        text.append(machine.startedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        text.append("; one machine ran everything: PostgreSQL, Kafka, the services, the baseline and Gatling.\n\n");
        if (machine.wasBusyAtStart()) {
            text.append("> **Measured on a busy machine.** The load average was ")
                    .append(Figures.load(machine.loadAverageAtStart()))
                    .append(" on ")
                    .append(machine.cores())
                    .append(" cores when the bench began: other work took part of the CPU, so these figures are"
                            + " lower and noisier than the same machine would give idle.\n\n");
        }
        report.measurements()
                .notes()
                .forEach(note -> text.append("> Note: ").append(note).append(".\n"));
        if (!report.measurements().notes().isEmpty()) {
            text.append('\n');
        }
    }

    private static void summary(BenchReport report, StringBuilder text) {
        var measurements = report.measurements();
        var half = measurements.halfBaselineRate();
        text.append("## Summary\n\n");
        text.append("| system | saturation throughput (orders/s) | ratio to baseline | p50 (ms) | p95 (ms) | p99 (ms)"
                + " | aborts (%) | errors (%) |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var system : BenchRun.SYSTEMS) {
            var sweep = measurements.sweep(system);
            var atHalf = Optional.ofNullable(measurements.atHalfBaselineRate().get(system));
            text.append("| ")
                    .append(system.label())
                    .append(" | ")
                    .append(saturation(sweep))
                    .append(" | ")
                    .append(measurements
                            .ratioToBaseline(system)
                            .map(Figures::ratio)
                            .orElse("-"))
                    .append(" | ")
                    .append(atHalf.map(BenchmarkMarkdown::latencyCells).orElse("- | - | -"))
                    .append(" | ")
                    .append(atHalf.map(step -> Figures.percent(step.abortShare()))
                            .orElse("-"))
                    .append(" | ")
                    .append(atHalf.map(step -> Figures.percent(step.errorShare()))
                            .orElse("-"))
                    .append(" |\n");
        }
        text.append("\nSaturation throughput: the most confirmed orders a second that a step of the sweep achieved");
        text.append(" (\"at least\" where no step fell behind: the system kept up with the highest rate offered, so");
        text.append(" its saturation lies above it). Latencies, aborts and errors: ");
        text.append(half.map(rate -> "one step per system at " + Figures.rate(rate)
                        + " orders/s, half the baseline's saturation throughput.")
                .orElse("none, as the baseline confirmed no order."));
        text.append("\n\n");
        if (!measurements.sweep(BenchSystem.BASELINE).saturated()) {
            text.append("The baseline kept up with the highest rate offered: its saturation lies higher, so the ratios"
                    + " overstate 2PC and 3PC. Offer higher `--rates`.\n\n");
        }
        text.append("Targets (issue 7): 2PC at least ")
                .append(TWO_PC_TARGET)
                .append("x the baseline's saturation throughput: ")
                .append(target(measurements, BenchSystem.TWO_PC, TWO_PC_TARGET))
                .append("; 3PC at least ")
                .append(THREE_PC_TARGET)
                .append("x: ")
                .append(target(measurements, BenchSystem.THREE_PC, THREE_PC_TARGET))
                .append(".\n\n");
        text.append("![Latency against throughput: p50 and p99 of each system](")
                .append(CHART)
                .append(")\n\n");
    }

    private static void sweep(Measurements measurements, StringBuilder text) {
        text.append("## Every step\n\n");
        text.append("| system | offered (/s) | confirmed (/s) | answers | aborts | errors | p50 (ms) | p95 (ms)"
                + " | p99 (ms) | |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (var system : BenchRun.SYSTEMS) {
            for (var step : measurements.sweep(system).steps()) {
                stepRow(step, Sweep.fellBehind(step) ? "fell behind" : "", text);
            }
            Optional.ofNullable(measurements.atHalfBaselineRate().get(system))
                    .ifPresent(step -> stepRow(step, "half the baseline's saturation", text));
        }
        text.append("\nA system left the sweep after the first step it fell behind in: ")
                .append(Sweep.FELL_BEHIND)
                .append(".\n\n");
    }

    private static void stepRow(StepResult step, String remark, StringBuilder text) {
        text.append("| ")
                .append(step.system().label())
                .append(" | ")
                .append(Figures.rate(step.offeredPerSecond()))
                .append(" | ")
                .append(Figures.rate(step.confirmedPerSecond()))
                .append(" | ")
                .append(step.answers())
                .append(" | ")
                .append(step.aborts())
                .append(" | ")
                .append(step.errors())
                .append(" | ")
                .append(latencyCells(step))
                .append(" | ")
                .append(remark)
                .append(" |\n");
    }

    private static void machine(BenchReport report, StringBuilder text) {
        var machine = report.machine();
        text.append("## The machine\n\n");
        text.append("| | |\n|---|---|\n");
        text.append("| cores | ").append(machine.cores()).append(" (as the JVM sees them) |\n");
        text.append("| memory | ").append(Figures.memory(machine.memoryBytes())).append(" |\n");
        text.append("| processor | ")
                .append(machine.processor().orElse("unknown"))
                .append(" |\n");
        text.append("| JDK | ").append(machine.jdk()).append(" |\n");
        text.append("| OS | ").append(machine.os()).append(" |\n");
        text.append("| began | ")
                .append(machine.startedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" |\n");
        text.append("| load average (1 min) | ")
                .append(Figures.load(machine.loadAverageAtStart()))
                .append(" at the start, ")
                .append(Figures.load(report.loadAverageAtEnd()))
                .append(" at the end |\n\n");
    }

    private static void howItWasRun(BenchOptions options, StringBuilder text) {
        var suite = options.suite();
        text.append("## How it was run\n\n");
        text.append("```\n").append(options.command()).append("\n```\n\n");
        text.append("- Offered rates ")
                .append(options.rates().stream().map(Figures::rate).collect(Collectors.joining(", ")))
                .append(" orders/s, ")
                .append(options.step().toSeconds())
                .append(" s a step; each system first warmed up for ")
                .append(options.warmup().toSeconds())
                .append(" s at the lowest rate (not recorded).\n");
        text.append("- Rounds: each rate is offered to the baseline, then 2PC, then 3PC, so that a change in what"
                + " else the machine does falls on all three alike. Before every step the bench waits until the suite"
                + " has no order PENDING and no transaction open.\n");
        text.append("- Open model (Gatling, load-tests' `BenchmarkStep`): every new client places one order for one"
                + " unit, its customer and product drawn evenly from the demo data (5 customers, 6 products), with a"
                + " fresh `Idempotency-Key`; `protocol` is `LOCAL` for the baseline, `2PC` or `3PC` through the"
                + " gateway.\n");
        text.append("- Answers: a 201 is a confirmed order, the only kind the throughput counts; a 409 is an abort;"
                + " anything else is an error: a 5xx, a 202 (outcome later than order-service's request deadline), a"
                + " 429, a timeout, a refused connection. Achieved throughput is Gatling's mean throughput of the"
                + " 201s, from the step's first request to its last answer, so a backlog that drains after the"
                + " offered load stops counts against it; latencies are the 201s'.\n");
        text.append("- A suite of its own on fresh databases (`")
                .append(suite.databasePrefix())
                .append("orders`, ...), gateway on port ")
                .append(options.gatewayPort())
                .append(", Kafka on ")
                .append(suite.kafkaPort())
                .append(", fault injection off, the gateway's rate limit on orders raised out of the way; the"
                        + " baseline on `")
                .append(options.baselineDatabase())
                .append("`, port ")
                .append(options.baselinePort())
                .append(", its events to the same Kafka. Every service and the baseline run as `./suite up` runs"
                        + " them (`-Xmx256m -XX:TieredStopAtLevel=1`); Gatling runs in a JVM of its own on the same"
                        + " machine.\n");
        text.append("- Before the first step every product was set to ")
                .append(TopUpStockAndMoney.UNITS)
                .append(" units and every account to ")
                .append(TopUpStockAndMoney.CENTS / 100)
                .append(" dollars, directly in the databases, so that no order is refused for want of stock or money;"
                        + " conservation is checked from there.\n\n");
    }

    private static void invariants(BenchReport report, StringBuilder text) {
        text.append("## Invariants after the bench\n\n");
        text.append("- The suite (2PC and 3PC), the checks of `./suite verify`: atomicity, stock and money conserved,"
                + " nothing reserved or held, every order settled with its events exactly once: ");
        violations(report.suiteViolations(), text);
        text.append("- The baseline: stock and money conserved, every confirmed order charged the sum of its lines: ");
        violations(report.baselineViolations(), text);
        text.append('\n');
    }

    private static void violations(List<String> violations, StringBuilder text) {
        if (violations.isEmpty()) {
            text.append("all hold.\n");
            return;
        }
        text.append(violations.size()).append(" violation(s):\n");
        violations.forEach(violation -> text.append("  - ").append(violation).append('\n'));
    }

    private static void whereTheTimeGoes(
            Measurements measurements, int cores, Optional<String> analysis, StringBuilder text) {
        text.append("## Where the time goes\n\n");
        var comparison = measurements.cpuComparisonRate();
        if (comparison.isPresent()) {
            var cpu = new EnumMap<BenchSystem, CpuUse>(BenchSystem.class);
            measurements.cpu().forEach((system, byRate) -> cpu.put(system, byRate.get(comparison.get())));
            text.append("CPU time one order cost in each process, measured by the bench in the steps at ")
                    .append(Figures.rate(comparison.get()))
                    .append("/s, the highest rate all three kept up with (from just before each step until the suite"
                            + " was quiet again, so phase two and the outbox's relays count; divided by the orders"
                            + " the step sent). Everything shares ")
                    .append(cores)
                    .append(" cores, so about ")
                    .append(cores)
                    .append(" s of CPU a second, over the total, is the most orders a second the machine could carry"
                            + " if nothing waited.\n\n");
            text.append("| process | baseline (ms) | 2PC (ms) | 3PC (ms) |\n|---|---:|---:|---:|\n");
            var processes = new TreeSet<String>();
            cpu.values().forEach(use -> processes.addAll(use.byProcess().keySet()));
            for (var process : processes) {
                text.append("| ").append(process);
                BenchRun.SYSTEMS.forEach(system ->
                        text.append(" | ").append(Figures.millis(cpu.get(system).millisPerOrder(process))));
                text.append(" |\n");
            }
            text.append("| **all** |");
            BenchRun.SYSTEMS.forEach(system -> text.append(" **")
                    .append(Figures.millis(cpu.get(system).totalMillisPerOrder()))
                    .append("** |"));
            text.append("\n| orders/s the cores could carry |");
            BenchRun.SYSTEMS.forEach(system -> {
                var total = cpu.get(system).totalMillisPerOrder();
                text.append(' ')
                        .append(total > 0 ? Figures.rate(cores * 1000 / total) : "-")
                        .append(" |");
            });
            text.append("\n\nA process idle in one system still shows the little it does on its own (the"
                    + " baseline's Kafka relays, the suite's scheduled recoveries while the baseline runs), and at a"
                    + " low rate what every process spends each second on its own (scheduled jobs, consumers' polls,"
                    + " the JIT still compiling) weighs on each order: the bench prints these figures for every step"
                    + " of the sweep, and the higher rates show the cost of an order alone better. Gatling's own CPU"
                    + " is not counted.\n\n");
        }
        analysis.ifPresentOrElse(
                written -> text.append(written.strip()).append('\n'),
                () -> text.append("> The profile behind these figures (docs/benchmark-analysis.md) was not found:"
                        + " this report has the measured figures only.\n"));
    }

    private static String saturation(SweepResult sweep) {
        var throughput = Figures.rate(sweep.saturationThroughput());
        return sweep.saturated() ? throughput : "at least " + throughput;
    }

    private static String target(Measurements measurements, BenchSystem system, double target) {
        return measurements
                .ratioToBaseline(system)
                .map(ratio -> (ratio >= target ? "met" : "**not met**") + " (" + Figures.ratio(ratio) + ")")
                .orElse("not measured");
    }

    private static String latencyCells(StepResult step) {
        return step.latency()
                .map(latency -> latency.p50() + " | " + latency.p95() + " | " + latency.p99())
                .orElse("- | - | -");
    }
}
