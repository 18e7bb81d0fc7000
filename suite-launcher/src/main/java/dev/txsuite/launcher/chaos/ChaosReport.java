package dev.txsuite.launcher.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run did and found.
 *
 * @param answers how many order requests got each status (0: the gateway could not be reached)
 * @param kills what was killed, in order ("coordinator at votes-collected", "inventory", ...)
 * @param recoveries how many killed services came back and were ready again
 * @param peakInDoubt the most transactions some participant held in doubt at once
 * @param longestResolution the longest a transaction took from start to end at the coordinator
 * @param quietAfter how long the system took to settle once the orders stopped
 * @param restockedUnits units the run restocked through the admin API while orders flowed
 * @param depositedCents money the run deposited through the admin API while orders flowed
 * @param violations every invariant that does not hold, and every order whose answer its state contradicts
 */
public record ChaosReport(
        Map<Integer, Integer> answers,
        List<String> kills,
        int recoveries,
        int peakInDoubt,
        Duration longestResolution,
        Duration quietAfter,
        long restockedUnits,
        long depositedCents,
        List<String> violations) {

    public ChaosReport {
        answers = Map.copyOf(answers);
        kills = List.copyOf(kills);
        violations = List.copyOf(violations);
    }

    public int orders() {
        return answers.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean allInvariantsHold() {
        return violations.isEmpty();
    }

    public void print(PrintStream out) {
        out.println();
        out.println("chaos run:");
        out.println("  order requests         " + orders() + " " + answers + " (status: count; 0 = gateway down)");
        out.println("  kills                  " + kills.size() + " " + kills);
        out.println("  recoveries             " + recoveries);
        out.println("  peak in-doubt          " + peakInDoubt + " transactions");
        out.println("  longest to resolve     " + longestResolution.toMillis() + " ms");
        out.println("  quiet after the load   " + quietAfter.toMillis() + " ms");
        out.println("  supplies               " + restockedUnits + " units restocked, " + depositedCents / 100
                + " dollars deposited (admin API, whatever orders used up)");
        if (violations.isEmpty()) {
            out.println("  invariants             all hold (atomicity, stock, money, orders, answers, events)");
        } else {
            out.println("  invariants             " + violations.size() + " VIOLATED:");
            violations.forEach(violation -> out.println("    - " + violation));
        }
    }
}
