package dev.txsuite.launcher.load;

import dev.txsuite.launcher.verify.VerifyReport;
import java.io.PrintStream;
import java.util.Optional;

/**
 * What a load run did: Gatling's result, and the invariant check that followed it (none with {@code --no-verify}).
 * It passed when Gatling's assertions held and every invariant holds.
 */
public record LoadReport(LoadSimulation simulation, GatlingRun.Result gatling, Optional<VerifyReport> verify) {

    /** Gatling's exit code when an assertion of the simulation failed. */
    private static final int ASSERTIONS_FAILED = 2;

    public boolean passed() {
        return gatling.exitCode() == 0 && verify.map(VerifyReport::clean).orElse(true);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("load: report   "
                + gatling.report().map(report -> report.toUri().toString()).orElse("none"));
        out.println("load: " + simulation.shortName() + "   "
                + gatling.summary().map(LoadSummary::line).orElse("no summary: Gatling printed none"));
        if (gatling.exitCode() == ASSERTIONS_FAILED) {
            out.println("load: FAILED: the simulation's assertions did not hold (see Gatling's last lines above)");
        } else if (gatling.exitCode() != 0) {
            out.println("load: FAILED: Gatling ended with exit code " + gatling.exitCode() + " (see its output above)");
        }
        verify.ifPresentOrElse(report -> report.print(out), () -> out.println("verify: not run (--no-verify)"));
    }
}
