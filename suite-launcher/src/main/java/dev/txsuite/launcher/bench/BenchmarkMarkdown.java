package dev.txsuite.launcher.bench;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** docs/benchmarks.md: the figures of one bench, how they were measured, and on what. */
final class BenchmarkMarkdown {

    static final String CHART = "benchmark-latency.png";

    static final String GOODPUT_CHART = "benchmark-goodput.png";

    /** DESIGN.md section 9's goals: each protocol's saturation throughput as a share of the baseline's. */
    private static final double TWO_PC_TARGET = 0.5;

    private static final double THREE_PC_TARGET = 0.4;

    /** Issue 14's targets: the CPU of one confirmed order at this rate, and 2PC's saturation as a share. */
    static final double COST_RATE = 40;

    private static final double TWO_PC_MOST_MILLIS = 25;

    private static final double THREE_PC_MOST_MILLIS = 35;

    private static final double TWO_PC_CHEAP_TARGET = 0.3;

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
        overload(report.measurements(), text);
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
        for (var system : measurements.systems()) {
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
        text.append("Targets of issue 14: a confirmed 2PC order at ")
                .append(Figures.rate(COST_RATE))
                .append("/s at most ")
                .append(Figures.millis(TWO_PC_MOST_MILLIS))
                .append(" ms of CPU in all: ")
                .append(cost(measurements, BenchSystem.TWO_PC, TWO_PC_MOST_MILLIS))
                .append("; 3PC at most ")
                .append(Figures.millis(THREE_PC_MOST_MILLIS))
                .append(" ms: ")
                .append(cost(measurements, BenchSystem.THREE_PC, THREE_PC_MOST_MILLIS))
                .append("; 2PC's saturation throughput at least ")
                .append(TWO_PC_CHEAP_TARGET)
                .append("x the baseline's: ")
                .append(target(measurements, BenchSystem.TWO_PC, TWO_PC_CHEAP_TARGET))
                .append(".\n\n");
        text.append("Goals of DESIGN.md section 9: 2PC at least ")
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

    /** Each system at twice its own saturation throughput: does it keep serving, and refuse the rest quickly? */
    private static void overload(Measurements measurements, StringBuilder text) {
        if (measurements.overloaded().isEmpty()) {
            return;
        }
        text.append("## Overload: twice the saturation throughput\n\n");
        text.append(
                "| system | saturation (/s) | offered (/s) | confirmed (/s) | kept | refused (503) | of them without"
                        + " `Retry-After` | other errors | p99 of the errors (ms) |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var system : measurements.systems()) {
            var step = measurements.overloaded().get(system);
            if (step == null) {
                continue;
            }
            text.append("| ")
                    .append(system.label())
                    .append(" | ")
                    .append(Figures.rate(measurements.sweep(system).saturationThroughput()))
                    .append(" | ")
                    .append(Figures.rate(step.offeredPerSecond()))
                    .append(" | ")
                    .append(Figures.rate(step.confirmedPerSecond()))
                    .append(" | ")
                    .append(measurements
                            .keptUnderOverload(system)
                            .map(kept -> Figures.percent(kept) + " %")
                            .orElse("-"))
                    .append(" | ")
                    .append(step.refusals().count())
                    .append(" | ")
                    .append(step.refusals().withoutRetryAfter())
                    .append(" | ")
                    .append(step.errors() - step.refusals().count())
                    .append(" | ")
                    .append(step.refusals().errorP99().map(String::valueOf).orElse("-"))
                    .append(" |\n");
        }
        text.append("\nAfter the sweep, each system is offered twice its own saturation throughput for one longer step."
                        + " Kept: the confirmed orders a second as a share of the saturation throughput (the goal of"
                        + " issue 15: at least ")
                .append(Figures.percent(Measurements.HOLDS_UNDER_OVERLOAD))
                .append(" %). order-service refuses what it does not admit at once with a `503` and `Retry-After`"
                        + " (docs/architecture.md, \"Admission\"); the baseline has no admission control. Other"
                        + " errors: `202`s (no outcome within the request deadline), timeouts, `503`s of another"
                        + " kind.\n\n");
        text.append("![Confirmed orders a second against the offered rate, every step of each system](")
                .append(GOODPUT_CHART)
                .append(")\n\n");
    }

    private static void sweep(Measurements measurements, StringBuilder text) {
        text.append("## Every step\n\n");
        text.append("| system | offered (/s) | confirmed (/s) | answers | aborts | errors | p50 (ms) | p95 (ms)"
                + " | p99 (ms) | |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (var system : measurements.systems()) {
            for (var step : measurements.sweep(system).steps()) {
                stepRow(step, Sweep.fellBehind(step) ? "fell behind" : "", text);
            }
            Optional.ofNullable(measurements.atHalfBaselineRate().get(system))
                    .ifPresent(step -> stepRow(step, "half the baseline's saturation", text));
            Optional.ofNullable(measurements.overloaded().get(system))
                    .ifPresent(step -> stepRow(step, "twice its own saturation", text));
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
                .append(", its events to the same Kafka, routed by the suite's gateway at `/baseline` (and reached"
                        + " directly for the baseline direct). Every service and the baseline run with `")
                .append(String.join(" ", options.suite().jvm().services()))
                .append("`, the Kafka broker with `")
                .append(String.join(" ", options.suite().jvm().kafka()))
                .append("`; Gatling runs in a JVM of its own on the same machine.\n");
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
        text.append("## What one order costs\n\n");
        measurements.costComparisonRate().ifPresent(rate -> costTable(measurements, rate, cores, text));
        costSteps(measurements, text);
        text.append("## Where the time goes\n\n");
        analysis.ifPresentOrElse(
                written -> text.append(written.strip()).append('\n'),
                () -> text.append("> The profile behind these figures (docs/benchmark-analysis.md) was not found:"
                        + " this report has the measured figures only.\n"));
    }

    /** Every system side by side at one rate, each count split by process or database. */
    private static void costTable(Measurements measurements, double rate, int cores, StringBuilder text) {
        var costs = new EnumMap<BenchSystem, OrderCost>(BenchSystem.class);
        measurements
                .systems()
                .forEach(system -> Optional.ofNullable(measurements.costs().get(system))
                        .map(byRate -> byRate.get(rate))
                        .ifPresent(cost -> costs.put(system, cost)));
        text.append("Per confirmed order, in the steps at ")
                .append(Figures.rate(rate))
                .append("/s, the highest rate every system kept up with; read from just before each step until the"
                        + " suite was quiet again, so phase two and the outbox's relays count. Everything shares ")
                .append(cores)
                .append(" cores: ")
                .append(cores)
                .append(" s of CPU a second over the CPU of one order is the most orders a second the machine could"
                        + " carry if nothing waited.\n\n");
        text.append("| per confirmed order |");
        costs.keySet().forEach(system -> text.append(' ').append(system.label()).append(" |"));
        text.append("\n|---|");
        costs.keySet().forEach(system -> text.append("---:|"));
        text.append('\n');
        costRows(costs, "HTTP exchanges", OrderCost::httpRequests, text);
        costRows(costs, "local commits", OrderCost::commits, text);
        costRow(
                costs,
                "WAL flushes (the server's)",
                cost -> cost.walFlushesPerOrder().map(Figures::count),
                text);
        costRows(costs, "SQL statements", cost -> cost.statements().orElse(Map.of()), text);
        costRow(costs, "Kafka events", cost -> cost.kafkaEventsPerOrder().map(Figures::count), text);
        var processes = new TreeSet<String>();
        costs.values().forEach(cost -> processes.addAll(cost.cpu().keySet()));
        processes.forEach(process -> costRow(
                costs, "CPU ms, " + process, cost -> Optional.of(Figures.millis(cost.millisPerOrder(process))), text));
        costRow(
                costs,
                "**CPU ms, all**",
                cost -> Optional.of("**" + Figures.millis(cost.totalMillisPerOrder()) + "**"),
                text);
        costRow(
                costs,
                "orders/s the cores could carry",
                cost -> Optional.of(
                        cost.totalMillisPerOrder() > 0 ? Figures.rate(cores * 1000 / cost.totalMillisPerOrder()) : "-"),
                text);
        text.append("\nHTTP exchanges are the requests each process served (its `/actuator/prometheus`; the gateway's,"
                + " which it does not expose, are the step's requests); commits are `pg_stat_database`'s, read-only"
                + " transactions included; statements `pg_stat_statements`' without BEGIN and COMMIT; WAL flushes are"
                + " the whole server's `pg_stat_wal.wal_sync` (several commits may share one); Kafka events are the"
                + " records added to every topic. A process idle in one system still shows what it does on its own"
                + " (scheduled jobs, consumers' polls), which weighs more on each order the lower the rate. Gatling's"
                + " own CPU is not counted.\n\n");
    }

    private static void costRows(
            Map<BenchSystem, OrderCost> costs,
            String what,
            Function<OrderCost, Map<String, Long>> counts,
            StringBuilder text) {
        costRow(
                costs,
                "**" + what + "**",
                cost -> Optional.of("**"
                        + Figures.count(cost.perOrder(counts.apply(cost).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()))
                        + "**"),
                text);
        var parts = new TreeSet<String>();
        costs.values().forEach(cost -> parts.addAll(counts.apply(cost).keySet()));
        parts.forEach(part -> costRow(
                costs,
                "&nbsp;&nbsp;" + part,
                cost -> Optional.ofNullable(counts.apply(cost).get(part))
                        .map(count -> Figures.count(cost.perOrder(count))),
                text));
    }

    private static void costRow(
            Map<BenchSystem, OrderCost> costs,
            String what,
            Function<OrderCost, Optional<String>> cell,
            StringBuilder text) {
        text.append("| ").append(what).append(" |");
        costs.keySet()
                .forEach(system -> text.append(' ')
                        .append(Optional.ofNullable(costs.get(system))
                                .flatMap(cell)
                                .orElse("-"))
                        .append(" |"));
        text.append('\n');
    }

    /** One line per measured step: the totals of each count. */
    private static void costSteps(Measurements measurements, StringBuilder text) {
        text.append("Every measured step, per confirmed order:\n\n");
        text.append("| system | offered (/s) | CPU (ms) | HTTP exchanges | commits | WAL flushes | statements"
                + " | Kafka events |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var system : measurements.systems()) {
            measurements
                    .costs()
                    .getOrDefault(system, Map.of())
                    .forEach((rate, cost) -> text.append("| ")
                            .append(system.label())
                            .append(" | ")
                            .append(Figures.rate(rate))
                            .append(" | ")
                            .append(cost.orders() == 0 ? "-" : Figures.millis(cost.totalMillisPerOrder()))
                            .append(" | ")
                            .append(Figures.count(cost.httpPerOrder()))
                            .append(" | ")
                            .append(Figures.count(cost.commitsPerOrder()))
                            .append(" | ")
                            .append(cost.walFlushesPerOrder()
                                    .map(Figures::count)
                                    .orElse("-"))
                            .append(" | ")
                            .append(cost.statementsPerOrder()
                                    .map(Figures::count)
                                    .orElse("-"))
                            .append(" | ")
                            .append(cost.kafkaEventsPerOrder()
                                    .map(Figures::count)
                                    .orElse("-"))
                            .append(" |\n"));
        }
        text.append('\n');
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

    private static String cost(Measurements measurements, BenchSystem system, double mostMillis) {
        return Optional.ofNullable(
                        measurements.costs().getOrDefault(system, Map.of()).get(COST_RATE))
                .filter(cost -> cost.orders() > 0)
                .map(cost -> (cost.totalMillisPerOrder() <= mostMillis ? "met" : "**not met**") + " ("
                        + Figures.millis(cost.totalMillisPerOrder()) + " ms)")
                .orElse("not measured (no step at " + Figures.rate(COST_RATE) + "/s confirmed an order)");
    }

    private static String latencyCells(StepResult step) {
        return step.latency()
                .map(latency -> latency.p50() + " | " + latency.p95() + " | " + latency.p99())
                .orElse("- | - | -");
    }
}
