package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Vote;
import java.util.List;
import java.util.Objects;

/**
 * The durable record one participant keeps of one transaction: what its participant log holds.
 *
 * @param vote the vote it gave, or null when it never voted (unknown branch, or a tombstone)
 * @param epoch the highest coordinator epoch seen; messages with an older one are refused (fencing)
 * @param reason why the branch was aborted, or null
 * @param protocol the protocol PREPARE (CAN-COMMIT) named; 2PC for a branch that never saw one
 * @param participants every participant of the transaction, as CAN-COMMIT listed them: whom the termination
 *     protocol asks when the coordinator is lost (empty under 2PC, which has no termination protocol)
 */
public record Branch(
        String txId,
        BranchState state,
        Vote vote,
        long epoch,
        String reason,
        Protocol protocol,
        List<String> participants) {

    public Branch {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(protocol, "protocol");
        participants = List.copyOf(participants);
    }

    /** A two-phase-commit branch. */
    public Branch(String txId, BranchState state, Vote vote, long epoch, String reason) {
        this(txId, state, vote, epoch, reason, Protocol.TWO_PHASE, List.of());
    }

    /** The branch of a transaction the participant has no record of. */
    public static Branch unknown(String txId) {
        return new Branch(txId, BranchState.NONE, null, 0, null);
    }

    Branch with(BranchState newState, Vote newVote, long newEpoch, String newReason) {
        return new Branch(txId, newState, newVote, newEpoch, newReason, protocol, participants);
    }

    Branch runs(Protocol newProtocol, List<String> newParticipants) {
        return new Branch(txId, state, vote, epoch, reason, newProtocol, newParticipants);
    }
}
