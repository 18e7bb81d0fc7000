package dev.txsuite.coordinator.act;

import dev.txsuite.coordinator.log.TransactionState;
import java.time.Instant;

/**
 * A transaction's row as an action found it, locked until the action's local transaction ends: no run, takeover or
 * other action changes it in between. {@code decision}, {@code reason} and the moments may be null.
 *
 * @param conflict a branch ended against the decision
 */
record LockedTransaction(
        String txId,
        String protocol,
        TransactionState state,
        String decision,
        String reason,
        String owner,
        long epoch,
        Instant decidedAt,
        Instant endedAt,
        String resolvedBy,
        Instant resolvedAt,
        boolean conflict) {

    boolean undecided() {
        return decision == null;
    }

    boolean ended() {
        return endedAt != null;
    }
}
