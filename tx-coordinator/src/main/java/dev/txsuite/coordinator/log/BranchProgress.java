package dev.txsuite.coordinator.log;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a run learnt each branch's vote, PRE-COMMIT acknowledgement and acknowledgement. They have no write of their
 * own: the {@link DecisionLog} writes them with the decision, the end, or when the run stops, each with the time it
 * arrived, so the timeline tells them in the order they happened. A run changes it under its lock; operators read it
 * meanwhile.
 */
public final class BranchProgress {

    private final Map<String, Instant> voted = new ConcurrentHashMap<>();
    private final Map<String, Instant> preCommitAcknowledged = new ConcurrentHashMap<>();
    private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();

    public void voted(String participant, Instant at) {
        voted.putIfAbsent(participant, at);
    }

    public void preCommitAcknowledged(String participant, Instant at) {
        preCommitAcknowledged.putIfAbsent(participant, at);
    }

    public void acknowledged(String participant, Instant at) {
        acknowledged.putIfAbsent(participant, at);
    }

    /** 3PC: the participants that acknowledged PRE-COMMIT (not those given up on as crashed, which the state counts). */
    Set<String> preCommitAcknowledged() {
        return preCommitAcknowledged.keySet();
    }

    /** When the vote arrived; null when this run did not receive it (the log has it, or it is written now). */
    Instant votedAt(String participant) {
        return voted.get(participant);
    }

    Instant preCommitAcknowledgedAt(String participant) {
        return preCommitAcknowledged.get(participant);
    }

    Instant acknowledgedAt(String participant) {
        return acknowledged.get(participant);
    }
}
