package dev.txsuite.launcher.verify;

import dev.txsuite.launcher.CommandLine;
import dev.txsuite.launcher.SuiteFailure;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./suite verify}: the invariants of DESIGN.md section 7 against the suite that {@code ./suite up} runs on
 * this machine, once it is quiet, measured from the snapshot {@code up} took when the suite started. Exit 0 when
 * all hold, 1 with every violation listed.
 */
public final class VerifyCommand {

    public static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final Path home;
    private final Map<String, String> environment;
    private final PrintStream out;

    public VerifyCommand(Path home, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.environment = environment;
        this.out = out;
    }

    public int run(List<String> arguments) {
        var command = CommandLine.parse(arguments, Set.of("--base-url", "--timeout"), Set.of());
        if (!command.words().isEmpty()) {
            throw new SuiteFailure("verify takes no argument but options, not " + command.words());
        }
        var baseUrl = URI.create(command.value("--base-url").orElse(DEFAULT_BASE_URL));
        var timeout = command.duration("--timeout").orElse(SuiteVerification.QUIET_WITHIN);
        var report = verification(baseUrl).run(timeout);
        report.print(out);
        return report.clean() ? 0 : 1;
    }

    /** The checks of the suite behind this gateway, from its snapshot; fails if {@code ./suite up} left none. */
    public SuiteVerification verification(URI gateway) {
        var snapshot = SuiteSnapshot.ofLocalSuite(home, gateway);
        out.println("verify: checks the suite behind " + gateway + " against the snapshot ./suite up took at "
                + snapshot.takenAt() + " (" + SuiteSnapshot.fileFor(home, gateway.getPort()) + ")");
        var password = environment.getOrDefault("PGPASSWORD", "");
        return new SuiteVerification(
                new Invariants(snapshot.logins(password)), snapshot.start(), snapshot.kafkaBootstrapServers(), out);
    }
}
