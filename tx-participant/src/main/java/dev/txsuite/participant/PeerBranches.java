package dev.txsuite.participant;

import dev.txsuite.faults.Faults;
import dev.txsuite.participant.BranchAnswers.BranchAnswer;
import dev.txsuite.participant.BranchRequests.AbortRequest;
import dev.txsuite.participant.BranchRequests.EpochRequest;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchState;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The other participants' protocol endpoints, as the leader of the termination protocol calls them, each call
 * guarded by the peer's {@code peer-<name>} retry, circuit breaker and bulkhead ({@link CallGuards}). A peer that
 * still does not answer is presumed crashed, and runs its own timer when it is back.
 */
class PeerBranches {

    private static final Logger log = LoggerFactory.getLogger(PeerBranches.class);

    private final RestClient http;
    private final CallGuards guards;
    private final Faults faults;

    PeerBranches(RestClient http, CallGuards guards, Faults faults) {
        this.http = http;
        this.guards = guards;
        this.faults = faults;
    }

    /**
     * The peer's branch state: {@link BranchState#NONE} when it never heard of the transaction, empty when it
     * did not answer (left out of the termination).
     *
     * @throws CallNotPermittedException when the peer's circuit is open, and {@link BulkheadFullException} when
     *     too many calls to it are under way: the peer was not asked, which is no proof that it crashed
     */
    Optional<BranchState> stateOf(Peer peer, String txId) {
        if (faults.cutOff(peer.name())) {
            log.info("transaction {}: {} left out, cut off by fault injection", txId, peer.name());
            return Optional.empty();
        }
        var uri = UriComponentsBuilder.fromUri(peer.url())
                .path("/tx/branches/{txId}")
                .buildAndExpand(txId)
                .toUri();
        try {
            return guards.peer(
                    peer.name(),
                    () -> http.get().uri(uri).exchangeForRequiredValue((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            var answer = response.bodyTo(BranchAnswer.class);
                            return Optional.ofNullable(answer).map(branch -> BranchState.valueOf(branch.state()));
                        }
                        if (UnknownTransaction.isAnswer(response)) {
                            return Optional.of(BranchState.NONE);
                        }
                        // thrown, so that a 5xx is retried and counts against the circuit
                        throw response.createException();
                    }));
        } catch (HttpStatusCodeException e) {
            log.info("transaction {}: {} left out, it answered {}", txId, peer.name(), e.getStatusCode());
            return Optional.empty();
        } catch (RestClientException e) {
            log.info("transaction {}: {} left out, not reachable: {}", txId, peer.name(), why(e));
            return Optional.empty();
        }
    }

    /** Sends PRE-COMMIT, COMMIT or ABORT; a failure is logged, and left to the peer's own timer. */
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
        var uri = UriComponentsBuilder.fromUri(peer.url())
                .path("/tx/branches/{txId}/{message}")
                .buildAndExpand(message.txId(), name)
                .toUri();
        try {
            guards.peer(
                    peer.name(),
                    () -> http.post().uri(uri).body(body).retrieve().toBodilessEntity());
        } catch (HttpStatusCodeException e) {
            log.warn(
                    "transaction {}: {} to {} answered {}: {}",
                    message.txId(),
                    name,
                    peer.name(),
                    e.getStatusCode(),
                    e.getResponseBodyAsString());
        } catch (RestClientException | CallNotPermittedException | BulkheadFullException e) {
            log.info(
                    "transaction {}: {} to {} not delivered, left to its own timer: {}",
                    message.txId(),
                    name,
                    peer.name(),
                    e instanceof RestClientException failure ? why(failure) : e.getMessage());
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
