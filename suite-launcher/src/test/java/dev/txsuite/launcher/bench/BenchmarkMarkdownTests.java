package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchmarkMarkdownTests {

    @Test
    void shouldSummariseEachSystemsSaturationItsRatioAndItsLatencyAtHalfTheBaselines() {
        var markdown = BenchmarkMarkdown.of(Reports.report(Reports.measurements()));

        assertThat(markdown)
                .contains(
                        "| system | saturation throughput (orders/s) | ratio to baseline | p50 (ms) | p95 (ms) | p99 (ms)"
                                + " | aborts (%) | errors (%) |")
                .contains("| baseline | at least 39.6 | 1.00 | 3 | 7 | 10 | 0.0 | 0.0 |")
                .contains("| 2PC | 21 | 0.53 | 85 | 290 | 650 | 0.0 | 1.0 |")
                .contains("| 3PC | 12 | 0.30 | 700 | 3900 | 8000 | 0.0 | 0.0 |")
                .contains("one step per system at 19.8 orders/s, half the baseline's saturation throughput")
                .contains("2PC at least 0.5x the baseline's saturation throughput: met (0.53);"
                        + " 3PC at least 0.4x: **not met** (0.30).")
                .contains("The baseline kept up with the highest rate offered: its saturation lies higher")
                .contains("![Latency against throughput: p50 and p99 of each system](benchmark-latency.png)");
    }

    @Test
    void shouldTellWhatEachProtocolKeptAtTwiceItsSaturationAndHowItRefusedTheRest() {
        var markdown = BenchmarkMarkdown.of(Reports.report(Reports.overloaded(Reports.measurements())));

        assertThat(markdown)
                .contains("## Overload: twice the saturation throughput")
                .contains("| 2PC | 21 | 42 | 20 | 95.2 % | 1300 | 0 | 20 | 12 |")
                .contains("| 3PC | 12 | 24 | 8.3 | 69.2 % | 600 | 3 | 340 | 6500 |")
                .contains("| 2PC | 42 | 20 | 2520 | 0 | 1320 | 300 | 700 | 900 | twice its own saturation |")
                .contains("![Confirmed orders a second against the offered rate, every step of each system]"
                        + "(benchmark-goodput.png)");
        assertThat(BenchmarkMarkdown.of(Reports.report(Reports.measurements()))).doesNotContain("## Overload");
    }

    @Test
    void shouldListEveryStepOfTheSweepAndTheComparisonSteps() {
        var markdown = BenchmarkMarkdown.of(Reports.report(Reports.measurements()));

        assertThat(markdown)
                .contains("| baseline | 40 | 39.6 | 1200 | 0 | 0 | 4 | 9 | 15 |  |")
                .contains("| baseline | 19.8 | 19.8 | 594 | 0 | 0 | 3 | 7 | 10 | half the baseline's saturation |")
                .contains("| 2PC | 40 | 21 | 1200 | 6 | 3 | 900 | 3000 | 7000 | fell behind |")
                .contains("| 3PC | 20 | 12 | 600 | 30 | 90 | 800 | 4000 | 8100 | fell behind |")
                .contains("it confirmed under 80% of the offered rate, or more than 5% of its requests ended in an"
                        + " error");
    }

    @Test
    void shouldRecordTheMachineAndHowTheBenchWasRun() {
        var markdown = BenchmarkMarkdown.of(Reports.report(Reports.measurements()));

        assertThat(markdown)
                .contains("| cores | 8 (as the JVM sees them) |")
                .contains("| memory | 16.0 GiB |")
                .contains("| processor | Test CPU @ 3.00GHz |")
                .contains("| JDK | Eclipse Adoptium 25.0.3+9-LTS |")
                .contains("| OS | Linux 6.8.0 amd64 |")
                .contains("| began | 2026-11-23T16:40:00Z |")
                .contains("| load average (1 min) | 0.50 at the start, 1.25 at the end |")
                .contains("```\n./suite bench --rates 10,20,40 --step 30s\n```")
                .contains("Offered rates 10, 20, 40 orders/s, 30 s a step; each system first warmed up for 180 s")
                .contains("run with `-Xmx256m -Xshare:auto`, the Kafka broker with `-Xmx384m")
                .contains("fresh databases (`bench_orders`, ...), gateway on port 8280, Kafka on 9292")
                .contains("the baseline on `bench_baseline`, port 8290")
                .contains("every product was set to 10000000 units and every account to 10000000000 dollars")
                .doesNotContain("busy machine");
    }

    @Test
    void shouldWarnWhenTheMachineWasBusyAndSayWhatElseHappened() {
        var busy = new MachineRecord(
                2,
                Reports.QUIET_MACHINE.memoryBytes(),
                Optional.empty(),
                Reports.QUIET_MACHINE.jdk(),
                Reports.QUIET_MACHINE.os(),
                Reports.QUIET_MACHINE.startedAt(),
                OptionalDouble.of(6.47));
        var measured = Reports.measurements();
        var withNote = new Measurements(
                measured.sweeps(),
                measured.halfBaselineRate(),
                measured.atHalfBaselineRate(),
                measured.costs(),
                List.of("2PC at 40/s began while the suite still had 3 orders PENDING"));
        var report = new BenchReport(
                busy, OptionalDouble.empty(), Reports.report(measured).options(), withNote, List.of(), List.of());

        assertThat(BenchmarkMarkdown.of(report))
                .contains("> **Measured on a busy machine.** The load average was 6.47 on 2 cores when the bench"
                        + " began")
                .contains("> Note: 2PC at 40/s began while the suite still had 3 orders PENDING.")
                .contains("| processor | unknown |")
                .contains("| load average (1 min) | 6.47 at the start, unknown at the end |");
    }

    @Test
    void shouldListTheViolationsOfEachSideOrSayThatAllHold() {
        var measured = Reports.measurements();
        var report = new BenchReport(
                Reports.QUIET_MACHINE,
                OptionalDouble.of(1),
                Reports.report(measured).options(),
                measured,
                List.of(),
                List.of("stock of MUG-CERAMIC in the baseline: 10000000 units at the start, 9999999 units now"));

        assertThat(BenchmarkMarkdown.of(report))
                .contains("every order settled with its events exactly once: all hold.")
                .contains("every confirmed order charged the sum of its lines: 1 violation(s):\n"
                        + "  - stock of MUG-CERAMIC in the baseline: 10000000 units at the start, 9999999 units now");
        assertThat(report.invariantsHold()).isFalse();
    }

    @Test
    void shouldGiveWhatAnOrderCostInEachProcessAndWhatTheCoresCouldCarry() {
        var markdown = BenchmarkMarkdown.of(Reports.report(Reports.measurements()));

        assertThat(markdown)
                .contains("## What one order costs")
                .contains("in the steps at 10/s, the highest rate every system kept up with")
                .contains("| per confirmed order | baseline | 2PC | 3PC |")
                .contains("| **HTTP exchanges** | **1.0** | **1.0** | **1.0** |")
                .contains("| &nbsp;&nbsp;gateway | 1.0 | 1.0 | 1.0 |")
                .contains("| **local commits** | **6.0** | **8.0** | **8.0** |")
                .contains("| WAL flushes (the server's) | 3.0 | 3.0 | 3.0 |")
                .contains("| Kafka events | 9.0 | 9.0 | 9.0 |")
                .contains("| CPU ms, baseline | 6.0 | 0.0 | 0.0 |")
                .contains("| CPU ms, coordinator | 0.0 | 40.0 | 60.0 |")
                .contains("| **CPU ms, all** | **10.0** | **135.0** | **180.0** |")
                // 8 cores: 8000 ms of CPU a second over 135 ms an order
                .contains("| orders/s the cores could carry | 800 | 59.3 | 44.4 |")
                .contains("| 2PC | 20 | 135.0 | 1.0 | 8.0 | 3.0 | 135.0 | 9.0 |")
                .contains("Targets of issue 14: a confirmed 2PC order at 40/s at most 25.0 ms of CPU in all: not"
                        + " measured")
                .contains("> The profile behind these figures (docs/benchmark-analysis.md) was not found");
    }

    @Test
    void shouldCopyTheHandWrittenAnalysisIntoWhereTheTimeGoes() {
        var markdown = BenchmarkMarkdown.of(
                Reports.report(Reports.measurements()), Optional.of("### What a profile found\n\nJSON.\n"));

        assertThat(markdown).endsWith("### What a profile found\n\nJSON.\n").doesNotContain("was not found");
    }

    @Test
    void shouldSayWhatCouldNotBeMeasuredWhenTheBaselineConfirmedNothing() {
        var measured = Reports.measurements();
        var nothing = new SweepResult(
                BenchSystem.BASELINE,
                List.of(Steps.step(BenchSystem.BASELINE, 10).confirmingNothing().result()),
                true);
        var sweeps = new EnumMap<>(measured.sweeps());
        sweeps.put(BenchSystem.BASELINE, nothing);
        var report = Reports.report(new Measurements(sweeps, Optional.empty(), Map.of(), Map.of(), List.of()));

        assertThat(BenchmarkMarkdown.of(report))
                .contains("| baseline | 0 | - | - | - | - | - | - |")
                .contains("| 2PC | 21 | - | - | - | - | - | - |")
                .contains("Latencies, aborts and errors: none, as the baseline confirmed no order.")
                .contains("2PC at least 0.5x the baseline's saturation throughput: not measured")
                .doesNotContain("What this run measured by itself");
    }
}
