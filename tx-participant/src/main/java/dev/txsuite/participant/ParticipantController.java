package dev.txsuite.participant;

import dev.txsuite.faults.Faults;
import dev.txsuite.participant.BranchAnswers.AckAnswer;
import dev.txsuite.participant.BranchAnswers.BranchAnswer;
import dev.txsuite.participant.BranchAnswers.VoteAnswer;
import dev.txsuite.participant.BranchRequests.AbortRequest;
import dev.txsuite.participant.BranchRequests.EpochRequest;
import dev.txsuite.participant.BranchRequests.PrepareRequest;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.Reply;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.VoteReply;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protocol endpoints a coordinator, or another participant leading the termination protocol, calls;
 * internal, never routed by the gateway.
 */
@RestController
@RequestMapping("/tx/branches/{txId}")
public class ParticipantController {

    private final ApplyBranchMessage applyBranchMessage;
    private final ParticipantLog participantLog;
    private final Faults faults;
    private final String participant;

    public ParticipantController(
            ApplyBranchMessage applyBranchMessage,
            ParticipantLog participantLog,
            Faults faults,
            ParticipantProperties properties) {
        this.applyBranchMessage = applyBranchMessage;
        this.participantLog = participantLog;
        this.faults = faults;
        this.participant = properties.name();
    }

    @PostMapping("/prepare")
    ResponseEntity<?> prepare(@PathVariable String txId, @RequestBody PrepareRequest request) {
        return unlessDropped("prepare", txId, () -> {
            if (!request.admits(participant)) {
                return invalid(
                        "the \"participants\" of a 3PC CAN-COMMIT must list every participant, " + participant
                                + " included",
                        txId);
            }
            var reply = applyBranchMessage.apply(
                    request.toMessage(txId), request.payload(), request.participants(), request.voteBy());
            if (reply instanceof VoteReply) {
                faults.reached(ParticipantHaltPoints.PREPARED);
            }
            return answer(txId, reply);
        });
    }

    @PostMapping("/pre-commit")
    ResponseEntity<?> preCommit(@PathVariable String txId, @RequestBody EpochRequest request) {
        return unlessDropped(
                "pre-commit",
                txId,
                () -> answer(txId, applyBranchMessage.apply(new BranchMessage.PreCommit(txId, request.epoch()), null)));
    }

    @PostMapping("/commit")
    ResponseEntity<?> commit(@PathVariable String txId, @RequestBody EpochRequest request) {
        return unlessDropped("commit", txId, () -> decision(txId, new BranchMessage.Commit(txId, request.epoch())));
    }

    @PostMapping("/abort")
    ResponseEntity<?> abort(@PathVariable String txId, @RequestBody AbortRequest request) {
        return unlessDropped(
                "abort", txId, () -> decision(txId, new BranchMessage.Abort(txId, request.epoch(), request.reason())));
    }

    @GetMapping
    ResponseEntity<?> branch(@PathVariable String txId) {
        return participantLog
                .find(txId)
                .<ResponseEntity<?>>map(branch -> ResponseEntity.ok(describe(branch)))
                .orElseGet(() -> respond(problem(
                        HttpStatus.NOT_FOUND,
                        "unknown-transaction",
                        "Unknown transaction",
                        "participant " + participant + " has no record of transaction " + txId,
                        txId)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        return invalid(
                "the body is not a valid protocol message: "
                        + e.getMostSpecificCause().getMessage(),
                null);
    }

    @ExceptionHandler(InvalidBranchPayload.class)
    ResponseEntity<?> invalidPayload(InvalidBranchPayload e) {
        return invalid(e.getMessage(), null);
    }

    /** COMMIT or ABORT: once applied and committed, and before it is acknowledged, the process may halt. */
    private ResponseEntity<?> decision(String txId, BranchMessage message) {
        var reply = applyBranchMessage.apply(message, null);
        if (reply instanceof Ack) {
            faults.reached(ParticipantHaltPoints.DECISION_APPLIED);
        }
        return answer(txId, reply);
    }

    /**
     * Fault injection: a message the plan says is lost is answered as a network failure, and not applied; one
     * the plan delays waits before it is applied (a slow network or a long pause of this process).
     */
    private ResponseEntity<?> unlessDropped(String message, String txId, Supplier<ResponseEntity<?>> handling) {
        if (faults.drops(message)) {
            return respond(problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "message-dropped",
                    "Message dropped",
                    "fault injection: participant " + participant + " dropped this " + message + " unapplied",
                    txId));
        }
        faults.pause(message);
        return handling.get();
    }

    private ResponseEntity<?> answer(String txId, Reply reply) {
        return switch (reply) {
            case VoteReply(Vote vote) ->
                ResponseEntity.ok(new VoteAnswer(txId, participant, vote.isYes() ? "YES" : "NO", vote.reason()));
            case Ack(var state) -> ResponseEntity.ok(new AckAnswer(txId, participant, state.name()));
            case Refusal(var why, var detail) ->
                switch (why) {
                    case UNKNOWN_TRANSACTION ->
                        respond(problem(
                                HttpStatus.NOT_FOUND, "unknown-transaction", "Unknown transaction", detail, txId));
                    case CONFLICT -> conflict(txId, detail);
                    case STALE_EPOCH ->
                        respond(problem(HttpStatus.CONFLICT, "stale-epoch", "Stale epoch", detail, txId));
                };
        };
    }

    /** The branch's state tells the sender that the branch ended the other way, and which way. */
    private ResponseEntity<?> conflict(String txId, String detail) {
        var problem = problem(HttpStatus.CONFLICT, "branch-conflict", "Branch conflict", detail, txId);
        participantLog
                .find(txId)
                .ifPresent(branch -> problem.setProperty("state", branch.state().name()));
        return respond(problem);
    }

    private BranchAnswer describe(Branch branch) {
        var vote = branch.vote() == null ? null : branch.vote().isYes() ? "YES" : "NO";
        return new BranchAnswer(
                branch.txId(), participant, branch.state().name(), vote, branch.reason(), branch.epoch());
    }

    private ResponseEntity<?> invalid(String detail, String txId) {
        return respond(
                problem(HttpStatus.BAD_REQUEST, "invalid-branch-message", "Invalid branch message", detail, txId));
    }

    private ProblemDetail problem(HttpStatus status, String slug, String title, String detail, String txId) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://txsuite.dev/problems/" + slug));
        problem.setTitle(title);
        problem.setProperty("participant", participant);
        if (txId != null) {
            problem.setProperty("txId", txId);
        }
        return problem;
    }

    private static ResponseEntity<?> respond(ProblemDetail problem) {
        return ResponseEntity.of(problem).build();
    }
}
