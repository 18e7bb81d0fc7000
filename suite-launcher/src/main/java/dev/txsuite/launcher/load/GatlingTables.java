package dev.txsuite.launcher.load;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tables Gatling prints at the end of a run (its HTML report shows the same numbers): "Global Information",
 * one row per statistic with a Total, an OK and a KO column, and "Errors", how many KOs had each message.
 *
 * @param statistics each row of "Global Information" by its name ({@code request count}, ...): Total, OK, KO
 * @param errors each KO message and how often it came, in Gatling's order (most frequent first)
 */
public record GatlingTables(Map<String, List<String>> statistics, Map<String, Long> errors) {

    private static final String GLOBAL = "---- Global Information";
    private static final String ERRORS = "---- Errors";
    private static final Pattern STATISTIC =
            Pattern.compile("^> (.+?)\\s+\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*$");
    private static final Pattern ERROR = Pattern.compile("^> (.+?)\\s+(\\d[\\d,]*)\\s+\\(\\s*[\\d.,]+%\\)\\s*$");

    public GatlingTables {
        statistics = Map.copyOf(statistics);
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** From Gatling's console output; empty when it printed no final tables (the run crashed or was stopped). */
    public static Optional<GatlingTables> fromConsole(List<String> lines) {
        var start = -1;
        for (var i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(GLOBAL)) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        var statistics = new HashMap<String, List<String>>();
        var errors = new LinkedHashMap<String, Long>();
        var section = GLOBAL;
        for (var line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("====")) {
                break;
            }
            if (line.startsWith("----")) {
                section = line.startsWith(ERRORS) ? ERRORS : line;
                continue;
            }
            if (GLOBAL.equals(section)) {
                var row = STATISTIC.matcher(line.strip());
                if (row.matches()) {
                    statistics.put(row.group(1).strip(), List.of(row.group(2), row.group(3), row.group(4)));
                }
            } else if (ERRORS.equals(section)) {
                var error = ERROR.matcher(line.strip());
                if (error.matches()) {
                    errors.merge(error.group(1).strip(), count(error.group(2)), Long::sum);
                }
            }
        }
        return Optional.of(new GatlingTables(statistics, errors));
    }

    /** A row of "Global Information": its Total, OK and KO cells. */
    public Optional<List<String>> statistic(String name) {
        return Optional.ofNullable(statistics.get(name));
    }

    /** A count or a time in milliseconds; Gatling prints "-" for a column without requests. */
    public static long count(String cell) {
        return "-".equals(cell) ? 0 : Long.parseLong(cell.replace(",", ""));
    }

    /** A rate per second; "-" for a column without requests. */
    public static double rate(String cell) {
        return "-".equals(cell) ? 0 : Double.parseDouble(cell.replace(",", ""));
    }
}
