package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.TransactionState;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an unfinished transaction waits for, in words an operator reads at a glance: "votes from payment",
 * "PRE-COMMIT acknowledgements from inventory", "COMMIT acknowledgements from payment", "an owner: lease of
 * coordinator-1 expired".
 */
final class WaitingFor {

    private WaitingFor() {}

    /** Null once the transaction ended. */
    static String of(LoggedTransaction tx, Instant now) {
        if (!TransactionState.UNFINISHED.contains(tx.state())) {
            return null;
        }
        if (InDoubt.leaseExpired(tx, now)) {
            return "an owner: lease of " + tx.owner() + " expired";
        }
        return switch (tx.state()) {
            case PREPARING -> from("votes", tx, branch -> branch.vote() == null, "the decision");
            case PRE_COMMITTING ->
                from("PRE-COMMIT acknowledgements", tx, branch -> !branch.preCommitted(), "the COMMIT decision");
            case COMMITTING, ABORTING, COMMITTED, ABORTED -> decisionAcknowledgements(tx);
        };
    }

    private static String decisionAcknowledgements(LoggedTransaction tx) {
        var recipients = tx.machineState().decisionRecipients();
        return from(
                tx.decision().name() + " acknowledgements",
                tx,
                branch -> recipients.contains(branch.participant()) && !branch.acknowledged(),
                "its end to be logged");
    }

    /** "{what} from a, b", or {@code otherwise} when no branch is missing (the next step is the coordinator's). */
    private static String from(
            String what, LoggedTransaction tx, Predicate<LoggedTransaction.Branch> missing, String otherwise) {
        List<String> names = tx.branches().stream()
                .filter(missing)
                .map(LoggedTransaction.Branch::participant)
                .toList();
        return names.isEmpty() ? otherwise : what + " from " + String.join(", ", names);
    }
}
