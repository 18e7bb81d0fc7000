package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.participant.BranchState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The properties a schedule's outcome is checked against (DESIGN.md section 7). */
final class Checks {

    /** A property: empty when it holds, else what is wrong. */
    record Property(String name, Function<Outcome, Optional<String>> check) {

        Optional<String> violation(Outcome outcome) {
            return check.apply(outcome);
        }
    }

    /** Never committed at one participant and aborted at another, nor against the coordinator's logged decision. */
    static final Property ATOMICITY = new Property("atomicity", outcome -> {
        var committed = outcome.in(BranchState.COMMITTED);
        var aborted = outcome.in(BranchState.ABORTED);
        if (!committed.isEmpty() && !aborted.isEmpty()) {
            return Optional.of("committed at " + committed + " but aborted at " + aborted);
        }
        var logged = outcome.loggedDecision();
        if (logged == Decision.COMMIT && !aborted.isEmpty()) {
            return Optional.of("the coordinator logged COMMIT but " + aborted + " aborted");
        }
        if (logged == Decision.ABORT && !committed.isEmpty()) {
            return Optional.of("the coordinator logged ABORT but " + committed + " committed");
        }
        return Optional.empty();
    });

    /** Commit only if every participant was going to vote YES. */
    static final Property VALIDITY = new Property("validity", outcome -> {
        boolean commit = !outcome.in(BranchState.COMMITTED).isEmpty()
                || outcome.loggedDecision() == Decision.COMMIT
                || outcome.coordinator() != null && outcome.coordinator().decision() == Decision.COMMIT;
        var no = outcome.intendedVotes().entrySet().stream()
                .filter(entry -> !entry.getValue().isYes())
                .map(Map.Entry::getKey)
                .toList();
        return commit && !no.isEmpty() ? Optional.of("committed although " + no + " voted NO") : Optional.empty();
    });

    /**
     * Once every node is up and every message arrives, the coordinator ends and every participant holds the
     * decision (for an abort, a participant may also never have heard of the transaction); a participant whose
     * branch ended the other way is recorded as a conflict instead. A coordinator that never heard of the
     * transaction (the begin never reached it) has nothing to end, and then no branch may be left but aborted ones.
     */
    static final Property PROGRESS = new Property("progress", outcome -> {
        var coordinator = outcome.coordinator();
        if (outcome.coordinatorUp() && coordinator == null) {
            var unsettled = outcome.branches().entrySet().stream()
                    .filter(entry -> entry.getValue().state() != BranchState.ABORTED
                            && entry.getValue().state() != BranchState.NONE)
                    .map(entry -> entry.getKey() + " " + entry.getValue().state())
                    .toList();
            return unsettled.isEmpty()
                    ? Optional.empty()
                    : Optional.of("the coordinator never heard of the transaction, but " + unsettled);
        }
        if (coordinator == null || coordinator.phase() != TxPhase.ENDED) {
            return Optional.of("the coordinator is " + (coordinator == null ? "down" : coordinator.phase()));
        }
        var behind = outcome.branches().entrySet().stream()
                .filter(entry -> !coordinator.conflicts().containsKey(entry.getKey()))
                .filter(entry -> coordinator.decision() == Decision.COMMIT
                        ? entry.getValue().state() != BranchState.COMMITTED
                        : entry.getValue().state() != BranchState.ABORTED
                                && entry.getValue().state() != BranchState.NONE)
                .map(entry -> entry.getKey() + " " + entry.getValue().state())
                .toList();
        return behind.isEmpty()
                ? Optional.empty()
                : Optional.of("the coordinator ended with " + coordinator.decision() + " but " + behind);
    });

    /** With the coordinator gone for good, no live participant is left in doubt. */
    static final Property NON_BLOCKING = new Property("non-blocking", outcome -> {
        var inDoubt = outcome.live().stream()
                .filter(name -> outcome.branches().get(name).state().isInDoubt())
                .toList();
        return inDoubt.isEmpty()
                ? Optional.empty()
                : Optional.of(inDoubt + " still in doubt with the coordinator gone: " + outcome.branchStates());
    });

    /**
     * A participant never refuses a COMMIT or PRE-COMMIT as unknown (only a prepared branch gets one), and
     * under 2PC never finds a message against its outcome.
     */
    static final Property NO_PROTOCOL_ERROR = new Property("no protocol error", outcome -> {
        if (outcome.count(Happened.REFUSED_UNKNOWN_TRANSACTION) > 0) {
            return Optional.of("a participant refused a message for a transaction it never prepared");
        }
        if (outcome.mode().protocol() == Protocol.TWO_PHASE && outcome.count(Happened.REFUSED_CONFLICT) > 0) {
            return Optional.of("a 2PC participant refused a message that contradicts its outcome");
        }
        return Optional.empty();
    });

    private Checks() {}
}
