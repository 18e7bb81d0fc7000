package dev.txsuite.participant;

import dev.txsuite.participant.BranchAnswers.AckAnswer;
import dev.txsuite.participant.BranchAnswers.BranchAnswer;
import dev.txsuite.participant.BranchAnswers.VoteAnswer;
import dev.txsuite.participant.BranchRequests.AbortRequest;
import dev.txsuite.participant.BranchRequests.CommitRequest;
import dev.txsuite.participant.BranchRequests.PrepareRequest;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.Reply;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.VoteReply;
import java.net.URI;
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

/** The protocol endpoints a coordinator calls; internal, never routed by the gateway. */
@RestController
@RequestMapping("/tx/branches/{txId}")
public class ParticipantController {

    private final ApplyBranchMessage applyBranchMessage;
    private final ParticipantLog participantLog;
    private final String participant;

    public ParticipantController(
            ApplyBranchMessage applyBranchMessage, ParticipantLog participantLog, ParticipantProperties properties) {
        this.applyBranchMessage = applyBranchMessage;
        this.participantLog = participantLog;
        this.participant = properties.name();
    }

    @PostMapping("/prepare")
    ResponseEntity<?> prepare(@PathVariable String txId, @RequestBody PrepareRequest request) {
        return answer(
                txId, applyBranchMessage.apply(new BranchMessage.Prepare(txId, request.epoch()), request.payload()));
    }

    @PostMapping("/commit")
    ResponseEntity<?> commit(@PathVariable String txId, @RequestBody CommitRequest request) {
        return answer(txId, applyBranchMessage.apply(new BranchMessage.Commit(txId, request.epoch()), null));
    }

    @PostMapping("/abort")
    ResponseEntity<?> abort(@PathVariable String txId, @RequestBody AbortRequest request) {
        return answer(
                txId, applyBranchMessage.apply(new BranchMessage.Abort(txId, request.epoch(), request.reason()), null));
    }

    @GetMapping
    ResponseEntity<?> branch(@PathVariable String txId) {
        return participantLog
                .find(txId)
                .<ResponseEntity<?>>map(branch -> ResponseEntity.ok(describe(branch)))
                .orElseGet(() -> problem(
                        HttpStatus.NOT_FOUND,
                        "unknown-transaction",
                        "Unknown transaction",
                        "participant " + participant + " has no record of transaction " + txId,
                        txId));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-branch-message",
                "Invalid branch message",
                "the body is not a valid protocol message: "
                        + e.getMostSpecificCause().getMessage(),
                null);
    }

    @ExceptionHandler(InvalidBranchPayload.class)
    ResponseEntity<ProblemDetail> invalidPayload(InvalidBranchPayload e) {
        return problem(
                HttpStatus.BAD_REQUEST, "invalid-branch-message", "Invalid branch message", e.getMessage(), null);
    }

    private ResponseEntity<?> answer(String txId, Reply reply) {
        return switch (reply) {
            case VoteReply(Vote vote) ->
                ResponseEntity.ok(new VoteAnswer(txId, participant, vote.isYes() ? "YES" : "NO", vote.reason()));
            case Ack(var state) -> ResponseEntity.ok(new AckAnswer(txId, participant, state.name()));
            case Refusal(var why, var detail) ->
                switch (why) {
                    case UNKNOWN_TRANSACTION ->
                        problem(HttpStatus.NOT_FOUND, "unknown-transaction", "Unknown transaction", detail, txId);
                    case CONFLICT -> problem(HttpStatus.CONFLICT, "branch-conflict", "Branch conflict", detail, txId);
                    case STALE_EPOCH -> problem(HttpStatus.CONFLICT, "stale-epoch", "Stale epoch", detail, txId);
                };
        };
    }

    private BranchAnswer describe(Branch branch) {
        var vote = branch.vote() == null ? null : branch.vote().isYes() ? "YES" : "NO";
        return new BranchAnswer(
                branch.txId(), participant, branch.state().name(), vote, branch.reason(), branch.epoch());
    }

    private ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String slug, String title, String detail, String txId) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://txsuite.dev/problems/" + slug));
        problem.setTitle(title);
        problem.setProperty("participant", participant);
        if (txId != null) {
            problem.setProperty("txId", txId);
        }
        return ResponseEntity.of(problem).build();
    }
}
