package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.launcher.chaos.ChaosRun;
import dev.txsuite.launcher.supply.Supplies;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The short version of {@code ./suite chaos}: orders flow through the gateway for a minute while every service
 * is killed in turn (the coordinator at each named crash point) and restarted; then every invariant of
 * DESIGN.md section 7 must hold and every answer a client got must match its order. The counts are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosIT {

    private static final Duration ORDERS_FLOW_FOR = Duration.ofSeconds(60);
    private static final int CLIENTS = 3;
    private static final long SEED = 2026;

    private EndToEndSuite suite;

    @BeforeAll
    void startTheSuite() {
        suite = EndToEndSuite.start(Map.of(
                "TXSUITE_FAULTS_ENABLED", "true",
                "TXSUITE_PARTICIPANT_READYTIMEOUT", "3s",
                "TXSUITE_PARTICIPANT_PRECOMMITTIMEOUT", "3s"));
    }

    @AfterAll
    void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void shouldLoseNothingWhileEveryServiceIsKilledInTurn() {
        var gateway = suite.running().service("gateway").baseUri();
        var report = new ChaosRun(
                        suite.running(),
                        new InvariantChecker(suite),
                        Supplies.fromEnvironment(gateway, Map.of()),
                        System.out)
                .run(ORDERS_FLOW_FOR, CLIENTS, SEED);
        report.print(System.out);

        assertThat(report.violations()).as("violated invariants").isEmpty();
        assertThat(report.kills()).hasSize(7);
        assertThat(report.recoveries()).isEqualTo(7);
        assertThat(report.answers().getOrDefault(201, 0))
                .as("orders confirmed between the kills: %s", report.answers())
                .isPositive();
        // the two limited drippers sell out at once: what they sold was restocked, and the invariants counted it
        assertThat(report.restockedUnits()).as("units restocked during the run").isPositive();
    }
}
