package dev.txsuite.launcher.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What Gatling 3.15 really printed during and at the end of runs, kept in src/test/resources/gatling. */
public final class GatlingConsole {

    private GatlingConsole() {}

    public static List<String> lines(String name) {
        try (var text = GatlingConsole.class.getResourceAsStream("/gatling/" + name)) {
            if (text == null) {
                throw new IllegalArgumentException("no src/test/resources/gatling/" + name);
            }
            return new String(text.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
