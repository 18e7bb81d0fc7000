package dev.txsuite.protocol.coordinator;

import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitAcked;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import java.util.List;

/** Inputs for the coordinator machine's tests, and a way to play them in order. */
final class TxScript {

    private TxScript() {}

    /** Plays the inputs from the state and returns the step of the last one. */
    static TxStep playFrom(TxState state, TxInput... inputs) {
        var step = new TxStep(state, List.of());
        for (var input : inputs) {
            step = CoordinatorMachine.on(step.next(), input);
        }
        return step;
    }

    static TxInput[] concat(TxInput[] first, TxInput... then) {
        var all = new TxInput[first.length + then.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    /** The participants the step sends the decision to, in order. */
    static List<String> sentDecisions(TxStep step) {
        return step.outputs().stream()
                .filter(SendDecision.class::isInstance)
                .map(output -> ((SendDecision) output).participant())
                .toList();
    }

    static TxInput yes(String participant) {
        return new VoteArrived(participant, Vote.yes());
    }

    static TxInput no(String participant, String reason) {
        return new VoteArrived(participant, Vote.no(reason));
    }

    static TxInput preCommitAcked(String participant) {
        return new PreCommitAcked(participant);
    }

    static TxInput acked(String participant) {
        return new Acked(participant);
    }
}
