package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitAcked;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitFailed;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Refused;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.BranchMessage.Commit;
import dev.txsuite.protocol.participant.BranchMessage.PreCommit;
import dev.txsuite.protocol.participant.BranchMessage.Prepare;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Reply;
import java.util.List;
import java.util.Optional;

/** The messages tx-coordinator's TransactionRun sends, and what it makes of their answers and failures. */
final class RunInputs {

    private RunInputs() {}

    /** CAN-COMMIT carries the participants, for the termination protocol; 2PC's PREPARE does not. */
    static BranchMessage prepare(String txId, long epoch, Protocol protocol, List<String> participants) {
        return protocol == Protocol.THREE_PHASE
                ? new Prepare(txId, epoch, protocol, participants)
                : new Prepare(txId, epoch);
    }

    static BranchMessage decision(String txId, Decision decision, String reason, long epoch) {
        return decision == Decision.COMMIT ? new Commit(txId, epoch) : new Abort(txId, epoch, reason);
    }

    /**
     * A vote, an acknowledgement, or a refusal: a refusal from a branch that ended the other way (a conflict,
     * which reports the branch's state) goes to the machine; any other refusal is a failed PREPARE, a
     * participant presumed crashed for PRE-COMMIT, and nothing for a decision (the retry pass sends it again).
     *
     * @param theirs the branch's state after the message
     */
    static Optional<TxInput> answer(String participant, BranchMessage message, Reply reply, BranchState theirs) {
        boolean acknowledged = reply instanceof Reply.Ack;
        boolean ended =
                reply instanceof Reply.Refusal refusal && refusal.why() == Reply.Refused.CONFLICT && theirs.isFinal();
        return switch (message) {
            case Prepare prepare ->
                Optional.of(
                        reply instanceof Reply.VoteReply(var vote)
                                ? new VoteArrived(participant, vote)
                                : new PrepareFailed(participant, Reasons.PARTICIPANT_UNAVAILABLE));
            case PreCommit preCommit ->
                Optional.of(
                        acknowledged
                                ? new PreCommitAcked(participant)
                                : ended ? new Refused(participant, theirs) : new PreCommitFailed(participant));
            case Commit commit -> decisionAnswer(participant, acknowledged, ended, theirs);
            case Abort abort -> decisionAnswer(participant, acknowledged, ended, theirs);
        };
    }

    /** A call that failed for good (after the retries): unreachable, timed out, or the answer lost. */
    static Optional<TxInput> failure(String participant, BranchMessage message) {
        return switch (message) {
            case Prepare prepare -> Optional.of(new PrepareFailed(participant, Reasons.PARTICIPANT_UNAVAILABLE));
            case PreCommit preCommit -> Optional.of(new PreCommitFailed(participant));
            case Commit commit -> Optional.empty();
            case Abort abort -> Optional.empty();
        };
    }

    private static Optional<TxInput> decisionAnswer(
            String participant, boolean acknowledged, boolean ended, BranchState theirs) {
        if (acknowledged) {
            return Optional.of(new Acked(participant));
        }
        return ended ? Optional.of(new Refused(participant, theirs)) : Optional.empty();
    }
}
