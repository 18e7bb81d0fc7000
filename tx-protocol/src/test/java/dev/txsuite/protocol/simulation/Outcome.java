package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchState;
import java.util.List;
import java.util.Map;

/**
 * Where one schedule ended.
 *
 * @param intendedVotes how each participant's PREPARE work was set to vote
 * @param branches every participant's branch record, live or down (it is durable)
 * @param live the participants up at the end
 * @param coordinatorUp whether the coordinator is up
 * @param coordinator the coordinator's state in memory, null when it is down or knows nothing of the transaction
 * @param logged what the coordinator's log shows, null when it has no record of the transaction
 */
record Outcome(
        Mode mode,
        long seed,
        Map<String, Vote> intendedVotes,
        Map<String, Branch> branches,
        List<String> live,
        boolean coordinatorUp,
        TxState coordinator,
        TxState logged,
        Map<Happened, Integer> tally,
        Trace trace) {

    List<String> in(BranchState state) {
        return branches.entrySet().stream()
                .filter(entry -> entry.getValue().state() == state)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The decision the coordinator's log shows; null when it shows none, or has no record of the transaction. */
    Decision loggedDecision() {
        return logged == null ? null : logged.decision();
    }

    int count(Happened happened) {
        return tally.getOrDefault(happened, 0);
    }

    String replayCommand() {
        return "./mvnw -B -pl tx-protocol test -Dtest=SimulationTests -Dsimulation.seed=" + seed + " -Dsimulation.mode="
                + mode;
    }

    String branchStates() {
        var text = new StringBuilder();
        branches.forEach((name, branch) -> text.append(name)
                .append('=')
                .append(branch.state())
                .append(live.contains(name) ? "" : " (down)")
                .append(' '));
        return text.toString().trim();
    }
}
