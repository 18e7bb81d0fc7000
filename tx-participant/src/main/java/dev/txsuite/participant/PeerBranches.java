package dev.txsuite.participant;

import dev.txsuite.faults.Faults;
import dev.txsuite.participant.BranchAnswers.BranchAnswer;
import dev.txsuite.participant.BranchRequests.AbortRequest;
import dev.txsuite.participant.BranchRequests.EpochRequest;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchState;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The other participants' protocol endpoints, as the leader of the termination protocol calls them. Nothing is
 * retried: a participant that does not answer is presumed crashed, and runs its own timer when it is back.
 */
class PeerBranches {

    private static final Logger log = LoggerFactory.getLogger(PeerBranches.class);

    private final RestClient http;
    private final Faults faults;

    PeerBranches(RestClient http, Faults faults) {
        this.http = http;
        this.faults = faults;
    }

    /**
     * The peer's branch state: {@link BranchState#NONE} when it never heard of the transaction, empty when it
     * did not answer (left out of the termination).
     */
    Optional<BranchState> stateOf(Peer peer, String txId) {
        if (faults.cutOff(peer.name())) {
            log.info("transaction {}: {} left out, cut off by fault injection", txId, peer.name());
            return Optional.empty();
        }
        try {
            return http.get()
                    .uri(UriComponentsBuilder.fromUri(peer.url())
                            .path("/tx/branches/{txId}")
                            .buildAndExpand(txId)
                            .toUri())
                    .exchangeForRequiredValue((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            var answer = response.bodyTo(BranchAnswer.class);
                            return Optional.ofNullable(answer).map(branch -> BranchState.valueOf(branch.state()));
                        }
                        if (UnknownTransaction.isAnswer(response)) {
                            return Optional.of(BranchState.NONE);
                        }
                        log.info(
                                "transaction {}: {} left out, it answered {}",
                                txId,
                                peer.name(),
                                response.getStatusCode());
                        return Optional.empty();
                    });
        } catch (RestClientException e) {
            log.info("transaction {}: {} left out, not reachable: {}", txId, peer.name(), why(e));
            return Optional.empty();
        }
    }

    /** Sends PRE-COMMIT, COMMIT or ABORT; a failure is logged, not retried. */
    void send(Peer peer, BranchMessage message) {
        var name = switch (message) {
            case BranchMessage.PreCommit preCommit -> "pre-commit";
            case BranchMessage.Commit commit -> "commit";
            case BranchMessage.Abort abort -> "abort";
            case BranchMessage.Prepare prepare ->
                throw new IllegalArgumentException("the termination protocol never sends PREPARE: " + prepare);
        };
        if (faults.cutOff(peer.name())) {
            log.info(
                    "transaction {}: {} to {} not sent, cut off by fault injection", message.txId(), name, peer.name());
            return;
        }
        Object body = message instanceof BranchMessage.Abort abort
                ? new AbortRequest(abort.epoch(), abort.reason())
                : new EpochRequest(message.epoch());
        try {
            http.post()
                    .uri(UriComponentsBuilder.fromUri(peer.url())
                            .path("/tx/branches/{txId}/{message}")
                            .buildAndExpand(message.txId(), name)
                            .toUri())
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (HttpStatusCodeException e) {
            log.warn(
                    "transaction {}: {} to {} answered {}: {}",
                    message.txId(),
                    name,
                    peer.name(),
                    e.getStatusCode(),
                    e.getResponseBodyAsString());
        } catch (RestClientException e) {
            log.info(
                    "transaction {}: {} to {} failed, presumed crashed: {}", message.txId(), name, peer.name(), why(e));
        }
    }

    /**
     * What went wrong in a call, for the log: the wrapper's message is a long "I/O error on GET request for ...",
     * its root cause often an uninformative ClosedChannelException; the direct cause says "ConnectException" or
     * "HttpTimeoutException".
     */
    static String why(RestClientException e) {
        return e.getCause() == null ? e.getMessage() : e.getCause().toString();
    }
}
