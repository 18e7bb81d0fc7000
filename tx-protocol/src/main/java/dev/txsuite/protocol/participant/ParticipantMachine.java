package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.BranchMessage.Commit;
import dev.txsuite.protocol.participant.BranchMessage.Prepare;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.Refused;
import dev.txsuite.protocol.participant.Reply.VoteReply;

/**
 * The two-phase-commit participant: (branch record, message) to (next record, work, reply). Pure and
 * deterministic: the caller owns the database, the network and the clock.
 *
 * <p>Every message may arrive twice, late or out of order. A repeated PREPARE returns the recorded
 * vote; an ABORT for an unknown transaction leaves a tombstone so that a late PREPARE votes NO; a COMMIT
 * for an unknown transaction is refused, never acknowledged.
 */
public final class ParticipantMachine {

    private ParticipantMachine() {}

    public static BranchStep receive(Branch branch, BranchMessage message) {
        if (message.epoch() < branch.epoch()) {
            return refuse(branch, Refused.STALE_EPOCH, "epoch " + message.epoch() + " is older than " + branch.epoch());
        }
        long epoch = Math.max(branch.epoch(), message.epoch());
        return switch (message) {
            case Prepare prepare -> onPrepare(branch, epoch);
            case Commit commit -> onCommit(branch, epoch);
            case Abort abort -> onAbort(branch, epoch, abort.reason());
        };
    }

    /** Records the vote the PREPARE work produced. A NO vote aborts the branch at once: it will never commit. */
    public static BranchStep voted(Branch branch, Vote vote) {
        if (branch.state() != BranchState.NONE) {
            throw new IllegalStateException("vote for branch " + branch.txId() + " in state " + branch.state());
        }
        var next = vote.isYes()
                ? branch.with(BranchState.PREPARED, vote, branch.epoch(), null)
                : branch.with(BranchState.ABORTED, vote, branch.epoch(), vote.reason());
        return new BranchStep(next, Work.NONE, new VoteReply(vote));
    }

    private static BranchStep onPrepare(Branch branch, long epoch) {
        return switch (branch.state()) {
            case NONE -> new BranchStep(branch.with(BranchState.NONE, null, epoch, null), Work.PREPARE, null);
            case PREPARED, COMMITTED -> new BranchStep(seen(branch, epoch), Work.NONE, new VoteReply(branch.vote()));
            case ABORTED ->
                new BranchStep(
                        seen(branch, epoch),
                        Work.NONE,
                        new VoteReply(
                                branch.vote() != null && !branch.vote().isYes()
                                        ? branch.vote()
                                        : Vote.no(Reasons.ALREADY_ABORTED)));
        };
    }

    private static BranchStep onCommit(Branch branch, long epoch) {
        return switch (branch.state()) {
            case NONE -> refuse(branch, Refused.UNKNOWN_TRANSACTION, "COMMIT for a transaction never prepared here");
            case PREPARED ->
                new BranchStep(
                        branch.with(BranchState.COMMITTED, branch.vote(), epoch, null),
                        Work.COMMIT,
                        new Ack(BranchState.COMMITTED));
            case COMMITTED -> new BranchStep(seen(branch, epoch), Work.NONE, new Ack(BranchState.COMMITTED));
            case ABORTED -> refuse(branch, Refused.CONFLICT, "COMMIT for a branch that is already aborted");
        };
    }

    private static BranchStep onAbort(Branch branch, long epoch, String reason) {
        return switch (branch.state()) {
            case NONE ->
                new BranchStep(
                        branch.with(BranchState.ABORTED, null, epoch, reason), Work.NONE, new Ack(BranchState.ABORTED));
            case PREPARED ->
                new BranchStep(
                        branch.with(BranchState.ABORTED, branch.vote(), epoch, reason),
                        Work.ABORT,
                        new Ack(BranchState.ABORTED));
            case ABORTED -> new BranchStep(seen(branch, epoch), Work.NONE, new Ack(BranchState.ABORTED));
            case COMMITTED -> refuse(branch, Refused.CONFLICT, "ABORT for a branch that is already committed");
        };
    }

    /**
     * A repeated message changes no state but may carry a newer epoch, which must be recorded all the same:
     * fencing refuses anything older than the highest epoch seen, not the highest one that changed the state.
     */
    private static Branch seen(Branch branch, long epoch) {
        return branch.with(branch.state(), branch.vote(), epoch, branch.reason());
    }

    private static BranchStep refuse(Branch branch, Refused why, String detail) {
        return new BranchStep(branch, Work.NONE, new Refusal(why, detail));
    }
}
