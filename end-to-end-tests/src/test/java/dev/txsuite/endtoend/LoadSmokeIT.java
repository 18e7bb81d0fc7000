package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.load.GatlingRun;
import dev.txsuite.launcher.load.LoadOptions;
import dev.txsuite.launcher.load.LoadRun;
import dev.txsuite.launcher.verify.SuiteVerification;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The smoke run of the load tests: {@code ./suite load steady --rate 2 --duration 20s} against a suite of its own,
 * through the very code of {@code ./suite load} (Gatling in a JVM of its own from the load-tests jars, then the
 * checks of {@code ./suite verify}). Every order must be confirmed, the report written and every invariant hold.
 * The report stays in {@code end-to-end-tests/target/gatling}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadSmokeIT {

    private EndToEndSuite suite;

    @BeforeAll
    void startTheSuite() {
        suite = EndToEndSuite.start();
    }

    @AfterAll
    void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void shouldConfirmEveryOrderOfASteadyLoadAndKeepEveryInvariant() {
        var root = RepositoryRoot.find();
        var databases = new InvariantChecker(suite);
        var start = databases.snapshot();
        var options = LoadOptions.parse(List.of(
                "steady",
                "--rate",
                "2",
                "--duration",
                "20s",
                "--base-url",
                suite.gatewayUri().toString()));
        var gatling = new GatlingRun(root, resultsFolder(root), System.out);
        var verification = new SuiteVerification(databases, start, suite.kafkaBootstrapServers(), System.out);

        var report = new LoadRun(gatling, System.out).run(options, Optional.of(verification));

        assertThat(report.gatling().report())
                .hasValueSatisfying(index ->
                        assertThat(index).isRegularFile().content().contains("SteadyOrders", options.description()));
        var summary = report.gatling().summary().orElseThrow();
        assertThat(summary.ko()).as("KO answers: %s", summary.line()).isZero();
        assertThat(summary.requests()).as("orders placed in 20 s at 2/s").isBetween(30L, 50L);
        assertThat(databases.orderStatuses())
                .as("every order of the load (and of its warm-up) is in the orders database, CONFIRMED")
                .hasSizeGreaterThanOrEqualTo((int) summary.requests())
                .allSatisfy((orderId, status) -> assertThat(status).isEqualTo("CONFIRMED"));
        assertThat(report.verify())
                .hasValueSatisfying(verified -> assertThat(verified.violations())
                        .as("violated invariants")
                        .isEmpty());
        assertThat(report.passed()).isTrue();
    }

    private static Path resultsFolder(RepositoryRoot root) {
        return root.directory().resolve("end-to-end-tests").resolve("target").resolve("gatling");
    }
}
