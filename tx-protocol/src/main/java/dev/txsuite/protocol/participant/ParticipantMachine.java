package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.BranchMessage.Commit;
import dev.txsuite.protocol.participant.BranchMessage.PreCommit;
import dev.txsuite.protocol.participant.BranchMessage.Prepare;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.Refused;
import dev.txsuite.protocol.participant.Reply.VoteReply;

/**
 * The participant of two- and three-phase commit: (branch record, message) to (next record, work, reply). Pure
 * and deterministic: the caller owns the database, the network and the clock, and reports an expired timer
 * with {@link #timedOut}.
 *
 * <p>Every message may arrive twice, late or out of order. A repeated PREPARE returns the recorded
 * vote; an ABORT for an unknown transaction leaves a tombstone so that a late PREPARE votes NO; a COMMIT
 * for an unknown transaction is refused, never acknowledged. Under 3PC a READY branch (PREPARED) may be
 * committed directly: the coordinator decides COMMIT without a PRE-COMMIT acknowledgement from a participant
 * it believes crashed, and a termination leader tells the decision to every branch it reaches.
 */
public final class ParticipantMachine {

    private ParticipantMachine() {}

    public static BranchStep receive(Branch branch, BranchMessage message) {
        if (message.epoch() < branch.epoch()) {
            return refuse(branch, Refused.STALE_EPOCH, "epoch " + message.epoch() + " is older than " + branch.epoch());
        }
        long epoch = Math.max(branch.epoch(), message.epoch());
        return switch (message) {
            case Prepare prepare -> onPrepare(branch, epoch, prepare);
            case PreCommit preCommit -> onPreCommit(branch, epoch);
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

    /**
     * What the participant does when the timer of an in-doubt branch expires: a 2PC branch only asks the
     * coordinator (it never decides alone: that is 2PC's blocking); a 3PC branch asks the coordinator and, if
     * the coordinator cannot be reached, runs the termination protocol ({@link Termination}) with the other
     * participants. A branch that is not in doubt has nothing to do.
     */
    public static OnTimeout timedOut(Branch branch) {
        if (!branch.state().isInDoubt()) {
            return OnTimeout.NOTHING;
        }
        return branch.protocol() == Protocol.THREE_PHASE
                ? OnTimeout.ASK_COORDINATOR_ELSE_TERMINATE
                : OnTimeout.ASK_COORDINATOR;
    }

    private static BranchStep onPrepare(Branch branch, long epoch, Prepare prepare) {
        return switch (branch.state()) {
            case NONE ->
                new BranchStep(
                        branch.runs(prepare.protocol(), prepare.participants())
                                .with(BranchState.NONE, null, epoch, null),
                        Work.PREPARE,
                        null);
            case PREPARED, PRE_COMMITTED, COMMITTED ->
                new BranchStep(seen(branch, epoch), Work.NONE, new VoteReply(branch.vote()));
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

    private static BranchStep onPreCommit(Branch branch, long epoch) {
        return switch (branch.state()) {
            case NONE ->
                refuse(branch, Refused.UNKNOWN_TRANSACTION, "PRE-COMMIT for a transaction never prepared here");
            case PREPARED ->
                branch.protocol() == Protocol.THREE_PHASE
                        ? new BranchStep(
                                branch.with(BranchState.PRE_COMMITTED, branch.vote(), epoch, null),
                                Work.NONE,
                                new Ack(BranchState.PRE_COMMITTED))
                        : refuse(branch, Refused.CONFLICT, "PRE-COMMIT for a branch prepared under 2PC");
            // a late or repeated PRE-COMMIT: the branch is there already, or past it
            case PRE_COMMITTED, COMMITTED -> new BranchStep(seen(branch, epoch), Work.NONE, new Ack(branch.state()));
            case ABORTED -> refuse(branch, Refused.CONFLICT, "PRE-COMMIT for a branch that is already aborted");
        };
    }

    private static BranchStep onCommit(Branch branch, long epoch) {
        return switch (branch.state()) {
            case NONE -> refuse(branch, Refused.UNKNOWN_TRANSACTION, "COMMIT for a transaction never prepared here");
            case PREPARED, PRE_COMMITTED ->
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
            // a PRE-COMMITTED branch is aborted only by a coordinator that found another branch aborted
            case PREPARED, PRE_COMMITTED ->
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
