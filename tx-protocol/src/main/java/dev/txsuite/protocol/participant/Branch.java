package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Vote;
import java.util.Objects;

/**
 * The durable record one participant keeps of one transaction: what its participant log holds.
 *
 * @param vote the vote it gave, or null when it never voted (unknown branch, or a tombstone)
 * @param epoch the highest coordinator epoch seen; messages with an older one are refused (fencing)
 * @param reason why the branch was aborted, or null
 */
public record Branch(String txId, BranchState state, Vote vote, long epoch, String reason) {

    public Branch {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(state, "state");
    }

    /** The branch of a transaction the participant has no record of. */
    public static Branch unknown(String txId) {
        return new Branch(txId, BranchState.NONE, null, 0, null);
    }

    Branch with(BranchState newState, Vote newVote, long newEpoch, String newReason) {
        return new Branch(txId, newState, newVote, newEpoch, newReason);
    }
}
