package dev.txsuite.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code .env} file as docker compose reads it: {@code NAME=value} lines, comments and blank lines skipped. */
final class EnvFile {

    private EnvFile() {}

    static Map<String, String> read(Path file) {
        var variables = new LinkedHashMap<String, String>();
        for (var line : Repository.read(file).split("\n")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            var equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(file + ": not NAME=value: " + line);
            }
            variables.put(
                    trimmed.substring(0, equals).strip(),
                    unquoted(trimmed.substring(equals + 1).strip()));
        }
        return variables;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
