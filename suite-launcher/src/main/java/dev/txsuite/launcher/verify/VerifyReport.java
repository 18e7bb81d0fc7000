package dev.txsuite.launcher.verify;

import java.io.PrintStream;
import java.util.List;

/**
 * What {@code ./suite verify} found.
 *
 * @param violations every invariant that does not hold, with what and by how much (a suite that did not become
 *     quiet in time is one)
 */
public record VerifyReport(List<String> violations) {

    public VerifyReport {
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    public void print(PrintStream out) {
        if (clean()) {
            out.println("verify: all invariants hold (atomicity, stock, money, orders, events)");
        } else {
            out.println("verify: " + violations.size() + " invariant violation(s):");
            violations.forEach(violation -> out.println("  - " + violation));
        }
    }
}
