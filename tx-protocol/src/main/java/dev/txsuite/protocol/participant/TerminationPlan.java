package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Decision;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of the termination protocol and the messages that carry it out, in order: first PRE-COMMIT to
 * {@code preCommitFirst} (READY branches, when a PRE-COMMITTED one shows the coordinator had decided to go
 * on), then the decision to {@code tell} (every reachable branch that has not reached it yet, the leader's own
 * included). A message that fails is not retried by the leader: its target is presumed crashed and will run
 * the termination protocol itself when its timer expires after the restart.
 */
public record TerminationPlan(Decision decision, List<String> preCommitFirst, List<String> tell) {

    public TerminationPlan {
        Objects.requireNonNull(decision, "decision");
        preCommitFirst = List.copyOf(preCommitFirst);
        tell = List.copyOf(tell);
    }
}
