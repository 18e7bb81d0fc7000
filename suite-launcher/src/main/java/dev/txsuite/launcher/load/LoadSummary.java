package dev.txsuite.launcher.load;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The numbers of a whole run, read from the "Global Information" table Gatling prints at its end (its HTML report
 * shows the same): requests, OK and KO answers, the mean throughput, the median and the 99th percentile of the
 * response times of all requests.
 */
public record LoadSummary(long requests, long ok, long ko, double meanRps, long p50Millis, long p99Millis) {

    private static final String TABLE = "---- Global Information";
    private static final Pattern ROW =
            Pattern.compile("^> (.+?)\\s+\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*$");

    /** From Gatling's console output; empty when it printed no summary (the run crashed or was stopped). */
    public static Optional<LoadSummary> fromConsole(List<String> lines) {
        var start = -1;
        for (var i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(TABLE)) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        var rows = new HashMap<String, List<String>>();
        for (var line : lines.subList(start + 1, lines.size())) {
            var row = ROW.matcher(line.strip());
            if (row.matches()) {
                rows.put(row.group(1).strip(), List.of(row.group(2), row.group(3), row.group(4)));
            } else if (line.startsWith("----")) {
                break;
            }
        }
        var count = rows.get("request count");
        var p50 = rows.get("response time 50th percentile (ms)");
        var p99 = rows.get("response time 99th percentile (ms)");
        var throughput = rows.get("mean throughput (rps)");
        if (count == null || p50 == null || p99 == null || throughput == null) {
            return Optional.empty();
        }
        return Optional.of(new LoadSummary(
                number(count.get(0)),
                number(count.get(1)),
                number(count.get(2)),
                "-".equals(throughput.get(0))
                        ? 0
                        : Double.parseDouble(throughput.get(0).replace(",", "")),
                number(p50.get(0)),
                number(p99.get(0))));
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

    /** Gatling prints "-" for a column without requests. */
    private static long number(String cell) {
        return "-".equals(cell) ? 0 : Long.parseLong(cell.replace(",", ""));
    }
}
