package dev.txsuite.participant;

import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.ParticipantMachine;
import dev.txsuite.protocol.participant.Reply;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Work;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Applies one protocol message to this participant's branch: the business work and the participant-log row in
 * one local transaction, so the two can never disagree. Used by the HTTP endpoints, by the timers that settle
 * in-doubt branches, and by a service that is a participant of the transactions it starts (order-service)
 * in-process. A fault plan's {@code voteNo} makes a PREPARE vote NO with that reason without running the business
 * work: recorded like any NO vote.
 */
public class ApplyBranchMessage {

    private static final Logger log = LoggerFactory.getLogger(ApplyBranchMessage.class);

    private final ParticipantLog participantLog;
    private final BranchWork<?> work;
    private final ObjectMapper objectMapper;
    private final Faults faults;
    private final String participant;

    public ApplyBranchMessage(
            ParticipantLog participantLog,
            BranchWork<?> work,
            ObjectMapper objectMapper,
            Faults faults,
            String participant) {
        this.participantLog = participantLog;
        this.work = work;
        this.objectMapper = objectMapper;
        this.faults = faults;
        this.participant = participant;
    }

    /**
     * @param payload this participant's PREPARE payload; only read when the branch is prepared now (a repeated
     *     PREPARE answers the recorded vote), may be null for other messages
     * @throws InvalidBranchPayload when PREPARE work is due and the payload is missing or malformed; nothing
     *     is recorded then
     */
    @Transactional
    public Reply apply(BranchMessage message, JsonNode payload) {
        return apply(message, payload, List.of(), null);
    }

    /**
     * As {@link #apply(BranchMessage, JsonNode)}, for a 3PC CAN-COMMIT.
     *
     * @param peers every participant the CAN-COMMIT names, in its order, with the URL the termination protocol
     *     reaches it at; recorded with a new branch, ignored otherwise
     * @param voteBy the vote deadline the PREPARE carries, or null: past it, a branch prepared now votes NO
     *     ({@code DEADLINE_PASSED}) without doing the work, since the coordinator would not count the vote
     */
    @Transactional
    public Reply apply(BranchMessage message, JsonNode payload, List<Peer> peers, Instant voteBy) {
        participantLog.lock(message.txId());
        var branch = participantLog.find(message.txId()).orElseGet(() -> Branch.unknown(message.txId()));
        return apply(branch, message, payload, peers, voteBy);
    }

    /**
     * Applies a decision this participant learnt from the coordinator (its log, or the answer to a begin): final
     * whichever epoch told it, so it is applied at the epoch the branch has seen, read in the same local transaction.
     */
    @Transactional
    public Reply applyDecision(String txId, Decision decision, String reason) {
        participantLog.lock(txId);
        var branch = participantLog.find(txId).orElseGet(() -> Branch.unknown(txId));
        BranchMessage message = decision == Decision.COMMIT
                ? new BranchMessage.Commit(txId, branch.epoch())
                : new BranchMessage.Abort(txId, branch.epoch(), reason);
        return apply(branch, message, null, List.of(), null);
    }

    private Reply apply(Branch branch, BranchMessage message, JsonNode payload, List<Peer> peers, Instant voteBy) {
        var step = ParticipantMachine.receive(branch, message);
        switch (step.work()) {
            case PREPARE ->
                step = ParticipantMachine.voted(step.next(), prepare(work, message.txId(), payload, voteBy));
            case COMMIT -> work.commit(message.txId());
            case ABORT -> work.abort(message.txId(), ((Abort) message).reason());
            case NONE -> {}
        }
        if (step.changed(branch)) {
            participantLog.save(step.next(), peers);
        }
        if (step.reply() instanceof Refusal refusal) {
            log.warn(
                    "{} refused {} for transaction {} (branch {}, epoch {}): {} {}",
                    participant,
                    message.getClass().getSimpleName().toUpperCase(),
                    message.txId(),
                    branch.state(),
                    branch.epoch(),
                    refusal.why(),
                    refusal.detail());
        } else if (step.work() == Work.PREPARE || step.changed(branch)) {
            log.debug("{} {} -> {}", participant, message, step.next());
        }
        return step.reply();
    }

    private <P> Vote prepare(BranchWork<P> work, String txId, JsonNode payload, Instant voteBy) {
        if (payload == null || !payload.isObject()) {
            throw new InvalidBranchPayload("PREPARE of transaction " + txId + " needs a JSON object payload", null);
        }
        P value;
        try {
            value = objectMapper.treeToValue(payload, work.payloadType());
        } catch (JacksonException e) {
            throw new InvalidBranchPayload(
                    "the PREPARE payload of transaction " + txId + " is not a valid " + participant + " payload: "
                            + e.getOriginalMessage(),
                    e);
        }
        if (voteBy != null && Instant.now().isAfter(voteBy)) {
            log.warn(
                    "{} votes NO on transaction {}: its PREPARE arrived after the vote deadline {}",
                    participant,
                    txId,
                    voteBy);
            return Vote.no(Reasons.DEADLINE_PASSED);
        }
        var forced = faults.forcedNoVote();
        if (forced.isPresent()) {
            log.warn(
                    "fault injection: {} votes NO ({}) on transaction {} without preparing",
                    participant,
                    forced.get(),
                    txId);
            return Vote.no(forced.get());
        }
        return work.prepare(txId, value);
    }
}
