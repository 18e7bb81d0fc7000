package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.load.GatlingTables;
import java.util.List;
import java.util.Optional;

/**
 * What one step of the bench measured: one system under one offered rate for the step's duration.
 *
 * @param offeredPerSecond new orders a second (open model: they arrive whether or not the system keeps up)
 * @param answers every request of the step, answered or not
 * @param confirmed the orders answered 201
 * @param aborts the orders answered 409: the transaction aborted (stock and money are plentiful in the bench, so it
 *     gave up rather than being refused)
 * @param errors every other outcome: a 5xx, a 202 (outcome later than the request deadline), a 429, a timeout, a
 *     refused connection
 * @param confirmedPerSecond the achieved throughput: Gatling's mean throughput of OK answers, confirmed orders over
 *     the time from the step's first request to its last answer, so that a backlog still draining counts against it
 * @param latency the response times of the confirmed orders; empty when none was confirmed
 * @param refusals the errors that were a {@code 503}: orders refused, nothing changed
 */
public record StepResult(
        BenchSystem system,
        double offeredPerSecond,
        long answers,
        long confirmed,
        long aborts,
        long errors,
        double confirmedPerSecond,
        Optional<Latency> latency,
        Refusals refusals) {

    /** Percentiles of response times, in milliseconds. */
    public record Latency(long p50, long p95, long p99) {}

    /**
     * @param count the answers {@code 503}
     * @param withoutRetryAfter those of them without a {@code Retry-After} header
     * @param errorP99 the 99th percentile of the response times of every answer that was not a 201 (the refusals
     *     among them); empty when there was none
     */
    public record Refusals(long count, long withoutRetryAfter, Optional<Long> errorP99) {

        public static final Refusals NONE = new Refusals(0, 0, Optional.empty());
    }

    private static final String ABORT = "found 409";
    private static final String REFUSED = "found 503";
    private static final String NO_RETRY_AFTER = "Retry-After";

    /** From the tables Gatling printed at the end of a run of BenchmarkStep, where only a 201 is OK. */
    public static Optional<StepResult> fromGatling(BenchSystem system, double offeredPerSecond, GatlingTables tables) {
        var count = tables.statistic("request count");
        var throughput = tables.statistic("mean throughput (rps)");
        var p50 = tables.statistic("response time 50th percentile (ms)");
        var p95 = tables.statistic("response time 95th percentile (ms)");
        var p99 = tables.statistic("response time 99th percentile (ms)");
        if (count.isEmpty() || throughput.isEmpty() || p50.isEmpty() || p95.isEmpty() || p99.isEmpty()) {
            return Optional.empty();
        }
        var confirmed = GatlingTables.count(count.get().get(1));
        var failed = GatlingTables.count(count.get().get(2));
        var aborts = tables.errors().entrySet().stream()
                .filter(error -> error.getKey().endsWith(ABORT))
                .mapToLong(error -> error.getValue())
                .sum();
        var latency = confirmed == 0
                ? Optional.<Latency>empty()
                : Optional.of(new Latency(okColumn(p50.get()), okColumn(p95.get()), okColumn(p99.get())));
        var withoutRetryAfter = errorsWhere(tables, NO_RETRY_AFTER);
        var refusals = new Refusals(
                errorsWhere(tables, REFUSED) + withoutRetryAfter,
                withoutRetryAfter,
                failed == 0
                        ? Optional.empty()
                        : Optional.of(GatlingTables.count(p99.get().get(2))));
        return Optional.of(new StepResult(
                system,
                offeredPerSecond,
                GatlingTables.count(count.get().get(0)),
                confirmed,
                aborts,
                failed - aborts,
                GatlingTables.rate(throughput.get().get(1)),
                latency,
                refusals));
    }

    private static long errorsWhere(GatlingTables tables, String part) {
        return tables.errors().entrySet().stream()
                .filter(error -> error.getKey().contains(part))
                .mapToLong(error -> error.getValue())
                .sum();
    }

    /** The share of the answers that were aborts, 0 to 1. */
    public double abortShare() {
        return answers == 0 ? 0 : aborts / (double) answers;
    }

    /** The share of the requests that ended in an error, 0 to 1; all of them when nothing was sent. */
    public double errorShare() {
        return answers == 0 ? 1 : errors / (double) answers;
    }

    private static long okColumn(List<String> row) {
        return GatlingTables.count(row.get(1));
    }
}
