package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.load.GatlingTables;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Follows the progress Gatling prints every few seconds of a step ({@code 15s elapsed}, then the row
 * {@code > Global | 600 | 598 | 2}) and turns each into one short line: how far the step is and what it achieved
 * so far.
 */
final class StepProgress {

    private static final Pattern ELAPSED = Pattern.compile("\\s(\\d+)s elapsed\\s*$");
    private static final Pattern GLOBAL =
            Pattern.compile("^> Global\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*\\|\\s*([\\d,]+)\\s*$");

    private long elapsedSeconds;

    /** The progress this line of Gatling's output completes, if it is the one that does. */
    Optional<String> read(String line) {
        var elapsed = ELAPSED.matcher(line);
        if (elapsed.find()) {
            elapsedSeconds = Long.parseLong(elapsed.group(1));
            return Optional.empty();
        }
        var global = GLOBAL.matcher(line.strip());
        if (!global.matches()) {
            return Optional.empty();
        }
        var answers = GatlingTables.count(global.group(1));
        var ok = GatlingTables.count(global.group(2));
        var perSecond = elapsedSeconds == 0 ? 0 : ok / (double) elapsedSeconds;
        return Optional.of(String.format(
                Locale.ROOT, "%d s, %d answers, %d confirmed (%.1f/s so far)", elapsedSeconds, answers, ok, perSecond));
    }
}
