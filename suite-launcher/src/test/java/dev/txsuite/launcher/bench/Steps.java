package dev.txsuite.launcher.bench;

import java.util.Optional;

/** Test data: a step's result, from a step that kept up with its rate, changed only where a test says so. */
final class Steps {

    private BenchSystem system = BenchSystem.BASELINE;
    private double offered = 10;
    private double confirmedPerSecond = 10;
    private long answers = 300;
    private long aborts;
    private long errors;
    private Optional<StepResult.Latency> latency = Optional.of(new StepResult.Latency(5, 9, 14));

    static Steps step(BenchSystem system, double offered) {
        var step = new Steps();
        step.system = system;
        step.offered = offered;
        step.confirmedPerSecond = offered;
        step.answers = Math.round(offered * 30);
        return step;
    }

    Steps confirming(double perSecond) {
        confirmedPerSecond = perSecond;
        return this;
    }

    Steps answering(long answers, long aborts, long errors) {
        this.answers = answers;
        this.aborts = aborts;
        this.errors = errors;
        return this;
    }

    Steps taking(long p50, long p95, long p99) {
        latency = Optional.of(new StepResult.Latency(p50, p95, p99));
        return this;
    }

    Steps confirmingNothing() {
        confirmedPerSecond = 0;
        latency = Optional.empty();
        return this;
    }

    StepResult result() {
        return new StepResult(
                system,
                offered,
                answers,
                answers - aborts - errors,
                aborts,
                errors,
                confirmedPerSecond,
                latency,
                StepResult.Refusals.NONE);
    }
}
