package dev.txsuite.launcher.load;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The numbers of a whole run, read from the "Global Information" table Gatling prints at its end (its HTML report
 * shows the same): requests, OK and KO answers, the mean throughput, the median and the 99th percentile of the
 * response times of all requests.
 */
public record LoadSummary(long requests, long ok, long ko, double meanRps, long p50Millis, long p99Millis) {

    /** From Gatling's console output; empty when it printed no summary (the run crashed or was stopped). */
    public static Optional<LoadSummary> fromConsole(List<String> lines) {
        return GatlingTables.fromConsole(lines).flatMap(LoadSummary::of);
    }

    private static Optional<LoadSummary> of(GatlingTables tables) {
        var count = tables.statistic("request count");
        var p50 = tables.statistic("response time 50th percentile (ms)");
        var p99 = tables.statistic("response time 99th percentile (ms)");
        var throughput = tables.statistic("mean throughput (rps)");
        if (count.isEmpty() || p50.isEmpty() || p99.isEmpty() || throughput.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LoadSummary(
                GatlingTables.count(count.get().get(0)),
                GatlingTables.count(count.get().get(1)),
                GatlingTables.count(count.get().get(2)),
                GatlingTables.rate(throughput.get().get(0)),
                GatlingTables.count(p50.get().get(0)),
                GatlingTables.count(p99.get().get(0))));
    }

    public String line() {
        return String.format(
                Locale.ROOT,
                "%d requests: %d OK, %d KO; %.1f rps mean; p50 %d ms, p99 %d ms",
                requests,
                ok,
                ko,
                meanRps,
                p50Millis,
                p99Millis);
    }
}
