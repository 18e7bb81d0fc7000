package dev.txsuite.launcher.verify;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.DatabaseLogin;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./suite up} does once every service is ready: waits until nothing is in flight (recovery may be
 * finishing what an earlier run left open), then writes the {@link SuiteSnapshot} that {@code ./suite verify}
 * measures conservation from. Never stops the suite: without a snapshot only verify cannot run.
 */
public final class SnapshotAtStart {

    private static final Duration QUIET_WITHIN = Duration.ofSeconds(60);

    private SnapshotAtStart() {}

    /** Writes the snapshot to {@code file} and returns it; says why not when it cannot. */
    public static Optional<Path> take(
            Map<SuiteService, DatabaseLogin> logins,
            URI gateway,
            String kafkaBootstrapServers,
            Path file,
            PrintStream out) {
        try {
            var invariants = new Invariants(logins);
            if (!new AwaitQuiet(invariants, out, "  ").within(QUIET_WITHIN)) {
                out.println("  no snapshot for ./suite verify: still " + AwaitQuiet.describe(invariants.inFlight())
                        + " after " + QUIET_WITHIN.toSeconds() + " s");
                return Optional.empty();
            }
            SuiteSnapshot.of(invariants.snapshot(), gateway, kafkaBootstrapServers, logins)
                    .write(file);
            return Optional.of(file);
        } catch (RuntimeException e) {
            out.println("  no snapshot for ./suite verify: " + e.getMessage());
            return Optional.empty();
        }
    }
}
