package dev.txsuite.launcher.verify;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The checks of {@code ./suite verify} against a running suite: waits until it is quiet, then checks the
 * invariants of DESIGN.md section 7 against the snapshot taken when the suite started, and the events of every
 * settled order.
 */
public final class SuiteVerification {

    public static final Duration QUIET_WITHIN = Duration.ofSeconds(120);
    private static final Duration EVENTS_RELAYED_WITHIN = Duration.ofSeconds(30);

    private final Invariants invariants;
    private final Invariants.Snapshot start;
    private final String kafkaBootstrapServers;
    private final PrintStream out;

    public SuiteVerification(
            Invariants invariants, Invariants.Snapshot start, String kafkaBootstrapServers, PrintStream out) {
        this.invariants = invariants;
        this.start = start;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.out = out;
    }

    public VerifyReport run(Duration quietWithin) {
        var began = System.nanoTime();
        var quiet = new AwaitQuiet(invariants, out, "verify: ").within(quietWithin);
        var waited = Duration.ofNanos(System.nanoTime() - began);
        var violations = new ArrayList<String>();
        if (quiet) {
            out.println("verify: the suite is quiet (waited " + waited.toMillis() + " ms)");
        } else {
            violations.add("not quiet within " + quietWithin.toSeconds() + " s: still "
                    + AwaitQuiet.describe(invariants.inFlight()));
        }
        out.println("verify: checking atomicity, stock, money and orders in the four databases...");
        violations.addAll(invariants.violationsSince(start));
        out.println("verify: checking order.events, inventory.events and payment.events on " + kafkaBootstrapServers
                + "...");
        violations.addAll(SettledOrderEvents.contradictionsOnceRelayed(
                kafkaBootstrapServers, invariants.orderStatuses(), EVENTS_RELAYED_WITHIN));
        return new VerifyReport(violations);
    }
}
