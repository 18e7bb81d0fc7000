package dev.txsuite.launcher;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: words in order, options with a value ({@code --rate 20} or {@code --rate=20})
 * and flags ({@code --no-verify}). Anything else is refused with a message that points at {@code ./suite help}.
 */
public record CommandLine(List<String> words, Map<String, String> values, Set<String> flags) {

    public CommandLine {
        words = List.copyOf(words);
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
    }

    public static CommandLine parse(List<String> arguments, Set<String> optionsWithValue, Set<String> knownFlags) {
        var words = new ArrayList<String>();
        var values = new HashMap<String, String>();
        var flags = new HashSet<String>();
        for (var i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                words.add(argument);
                continue;
            }
            var equals = argument.indexOf('=');
            var name = equals > 0 ? argument.substring(0, equals) : argument;
            if (knownFlags.contains(name) && equals < 0) {
                flags.add(name);
            } else if (!optionsWithValue.contains(name)) {
                throw new SuiteFailure("unknown option " + name + "; ./suite help lists the options");
            } else if (equals > 0) {
                values.put(name, argument.substring(equals + 1));
            } else if (i + 1 < arguments.size()) {
                values.put(name, arguments.get(++i));
            } else {
                throw new SuiteFailure(name + " needs a value; ./suite help lists the options");
            }
        }
        return new CommandLine(words, values, flags);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** A time such as {@code 90s}, {@code 5m} or {@code 1m30s}. */
    public Optional<Duration> duration(String option) {
        return value(option).map(text -> {
            try {
                var duration = Duration.parse("PT" + text.strip().toUpperCase());
                if (duration.isNegative() || duration.isZero()) {
                    throw new SuiteFailure(option + " must be longer than 0, was " + text);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new SuiteFailure(option + " takes a time such as 90s, 5m or 1m30s, not '" + text + "'");
            }
        });
    }

    /** A number above 0, such as {@code 20} or {@code 2.5}. */
    public Optional<Double> positiveNumber(String option) {
        return value(option).map(text -> {
            try {
                var number = Double.parseDouble(text.strip());
                if (!(number > 0) || Double.isInfinite(number)) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new SuiteFailure(option + " takes a number above 0, not '" + text + "'");
            }
        });
    }
}
