package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.ParticipantMachine;
import dev.txsuite.protocol.participant.Reply;
import dev.txsuite.protocol.participant.Work;

/**
 * A participant node. Its branch record is all it keeps, and it is durable as soon as the participant answers
 * (one local database transaction), so a crash loses nothing but a termination it was leading.
 */
final class Participant {

    private final String name;
    private final Vote intendedVote;
    private Branch branch;
    private boolean up = true;
    private LeaderRun leading;

    Participant(String name, Vote intendedVote, String txId) {
        this.name = name;
        this.intendedVote = intendedVote;
        this.branch = Branch.unknown(txId);
    }

    /** Applies a message as the service does; the PREPARE work votes as this participant was set to. */
    Reply receive(BranchMessage message) {
        var step = ParticipantMachine.receive(branch, message);
        if (step.work() == Work.PREPARE) {
            step = ParticipantMachine.voted(step.next(), intendedVote);
        }
        branch = step.next();
        return step.reply();
    }

    String name() {
        return name;
    }

    Vote intendedVote() {
        return intendedVote;
    }

    Branch branch() {
        return branch;
    }

    boolean up() {
        return up;
    }

    /** Up, in doubt, and not already leading a termination: its timer may fire. */
    boolean timerDue() {
        return up && leading == null && branch.state().isInDoubt();
    }

    LeaderRun leading() {
        return leading;
    }

    void lead(LeaderRun run) {
        leading = run;
    }

    void crash() {
        up = false;
        leading = null;
    }

    void restart() {
        up = true;
    }
}
