package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxOutput;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.Reply;
import java.util.List;
import java.util.stream.Collectors;

/** Short words for the trace, so that a schedule reads line by line. */
final class Describe {

    private Describe() {}

    static String vote(Vote vote) {
        return vote.isYes() ? "YES" : "NO " + vote.reason();
    }

    static String message(BranchMessage message) {
        return switch (message) {
            case BranchMessage.Prepare prepare ->
                (prepare.protocol() == Protocol.THREE_PHASE ? "CAN-COMMIT" : "PREPARE") + " e" + prepare.epoch();
            case BranchMessage.PreCommit preCommit -> "PRE-COMMIT e" + preCommit.epoch();
            case BranchMessage.Commit commit -> "COMMIT e" + commit.epoch();
            case BranchMessage.Abort abort -> "ABORT e" + abort.epoch() + " " + abort.reason();
        };
    }

    static String reply(Reply reply) {
        return switch (reply) {
            case Reply.VoteReply(var vote) -> vote(vote);
            case Reply.Ack(var state) -> "ack " + state;
            case Reply.Refusal(var why, var detail) -> "refused " + why;
        };
    }

    static String input(TxInput input) {
        return switch (input) {
            case TxInput.Start() -> "start";
            case TxInput.VoteArrived(var participant, var vote) -> participant + " votes " + vote(vote);
            case TxInput.PrepareFailed(var participant, var reason) -> "PREPARE to " + participant + " failed";
            case TxInput.Timeout() -> "deadline";
            case TxInput.PreCommitAcked(var participant) -> participant + " acks PRE-COMMIT";
            case TxInput.PreCommitFailed(var participant) -> "PRE-COMMIT to " + participant + " failed";
            case TxInput.Acked(var participant) -> participant + " acks the decision";
            case TxInput.Refused(var participant, var theirs) -> participant + " refuses, it is " + theirs;
            case TxInput.BranchStates(var reachable) -> "branch states " + reachable;
            case TxInput.Retry() -> "retry";
            case TxInput.Recover() -> "recover";
        };
    }

    static String outputs(List<TxOutput> outputs) {
        return outputs.stream().map(Describe::output).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String output(TxOutput output) {
        return switch (output) {
            case TxOutput.SendPrepare(var participant) -> "prepare " + participant;
            case TxOutput.RecordVote(var participant, var vote) -> "log vote " + participant;
            case TxOutput.LogPreCommit() -> "force PRE-COMMIT";
            case TxOutput.SendPreCommit(var participant) -> "pre-commit " + participant;
            case TxOutput.RecordPreCommitAck(var participant) -> "log pre-commit ack " + participant;
            case TxOutput.LogDecision(var decision, var reason, var forced) ->
                (forced ? "force " : "log ") + decision + (reason == null ? "" : " " + reason);
            case TxOutput.SendDecision(var participant, var decision) ->
                decision.name().toLowerCase() + " " + participant;
            case TxOutput.TellInitiator(var participant, var decision) ->
                "answer " + participant + " " + decision.name().toLowerCase();
            case TxOutput.RecordAck(var participant) -> "log ack " + participant;
            case TxOutput.RecordConflict(var participant, var theirs) -> "log conflict " + participant + " " + theirs;
            case TxOutput.QueryBranches() -> "query branches";
            case TxOutput.LogEnd() -> "log END";
        };
    }
}
