package dev.txsuite.launcher.verify;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Waits until the suite is quiet: no order PENDING and every transaction finished at the coordinator. Says what is
 * still in flight every few seconds, so that a long wait never looks like a hang.
 */
public final class AwaitQuiet {

    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final Invariants invariants;
    private final PrintStream out;
    private final String prefix;

    /** @param prefix starts each progress line, such as {@code "verify: "} */
    public AwaitQuiet(Invariants invariants, PrintStream out, String prefix) {
        this.invariants = invariants;
        this.out = out;
        this.prefix = prefix;
    }

    /** True once quiet, false when {@code within} has passed first (or the wait was interrupted). */
    public boolean within(Duration within) {
        var began = System.nanoTime();
        var deadline = began + within.toNanos();
        var nextReport = began;
        while (true) {
            var inFlight = invariants.inFlight();
            if (inFlight.none()) {
                return true;
            }
            var now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now >= nextReport) {
                out.println(prefix + "waiting until the suite is quiet: " + describe(inFlight) + " ("
                        + Duration.ofNanos(now - began).toSeconds() + " s of at most " + within.toSeconds() + " s)");
                nextReport = now + REPORT_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static String describe(Invariants.InFlight inFlight) {
        return inFlight.pendingOrders() + " orders PENDING, " + inFlight.openTransactions() + " transactions open";
    }
}
