package dev.txsuite.coordinator.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.txsuite.protocol.Vote;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The bodies of the participant endpoints the coordinator calls (docs/architecture.md, participant endpoints). */
public final class ParticipantMessages {

    private ParticipantMessages() {}

    /**
     * {@code {"epoch":1,"protocol":"2PC","payload":{...},"voteBy":"2026-12-07T23:00:03.120Z"}}; under 3PC (CAN-COMMIT)
     * also {@code "participants":[{"name","url"},...]}, every participant of the transaction, for the termination
     * protocol. {@code voteBy} is the vote deadline: a participant that gets the message later votes NO
     * ({@code DEADLINE_PASSED}) without doing the work, since the vote would not be counted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prepare(long epoch, String protocol, JsonNode payload, List<Peer> participants, Instant voteBy) {}

    /** A participant of the transaction and the base URL its peers reach it on. */
    public record Peer(String name, URI url) {}

    /** {@code {"epoch":1}}: PRE-COMMIT. */
    public record PreCommit(long epoch) {}

    /** {@code {"epoch":1}} for COMMIT, {@code {"epoch":1,"reason":"OUT_OF_STOCK"}} for ABORT. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionMessage(long epoch, String reason) {}

    /** {@code {"txId","participant","vote":"YES"|"NO","reason"}} */
    record VoteAnswer(String txId, String participant, String vote, String reason) {

        /** Empty when the answer is not a vote: it then counts as a participant that could not be reached. */
        Optional<Vote> toVote() {
            if ("YES".equals(vote)) {
                return Optional.of(Vote.yes());
            }
            if ("NO".equals(vote) && reason != null && !reason.isBlank()) {
                return Optional.of(Vote.no(reason));
            }
            return Optional.empty();
        }
    }
}
