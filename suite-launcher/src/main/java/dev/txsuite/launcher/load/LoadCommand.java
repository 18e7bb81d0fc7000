package dev.txsuite.launcher.load;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.verify.SuiteVerification;
import dev.txsuite.launcher.verify.VerifyCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./suite load <simulation> ...}: a Gatling simulation against a running suite, then the invariant checks of
 * {@code ./suite verify}. Exit 0 when the simulation's assertions and every invariant hold, else 1.
 */
public final class LoadCommand {

    private final RepositoryRoot root;
    private final Path home;
    private final Map<String, String> environment;
    private final PrintStream out;

    public LoadCommand(RepositoryRoot root, Path home, Map<String, String> environment, PrintStream out) {
        this.root = root;
        this.home = home;
        this.environment = environment;
        this.out = out;
    }

    public int run(List<String> arguments) {
        var options = LoadOptions.parse(arguments);
        // before the load, so that a run that could not be verified fails at once rather than after minutes
        var verification = options.verify()
                ? Optional.of(new VerifyCommand(home, environment, out).verification(options.baseUrl()))
                : Optional.<SuiteVerification>empty();
        var gatling = new GatlingRun(root, home.resolve("load"), out);
        gatling.buildIfMissing(home.resolve("logs").resolve("build.log"));
        return new LoadRun(gatling, out).run(options, verification).passed() ? 0 : 1;
    }
}
