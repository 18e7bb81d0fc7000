package dev.txsuite.launcher.load;

import dev.txsuite.launcher.verify.SuiteVerification;
import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code ./suite load}'s work once the options are known: the Gatling run, then {@code ./suite verify}'s checks of
 * the suite it loaded. The end-to-end smoke test runs exactly this.
 */
public final class LoadRun {

    private final GatlingRun gatling;
    private final PrintStream out;

    public LoadRun(GatlingRun gatling, PrintStream out) {
        this.gatling = gatling;
        this.out = out;
    }

    /** @param verification the checks of the loaded suite; empty only when they were turned off */
    public LoadReport run(LoadOptions options, Optional<SuiteVerification> verification) {
        out.println("load: " + options.description());
        var result = gatling.run(options);
        var verified = verification.map(checks -> {
            out.println();
            return checks.run(SuiteVerification.QUIET_WITHIN);
        });
        var report = new LoadReport(options.simulation(), result, verified);
        report.print(out);
        return report;
    }
}
