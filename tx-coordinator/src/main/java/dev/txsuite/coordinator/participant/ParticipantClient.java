package dev.txsuite.coordinator.participant;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.participant.ParticipantMessages.DecisionMessage;
import dev.txsuite.coordinator.participant.ParticipantMessages.Peer;
import dev.txsuite.coordinator.participant.ParticipantMessages.PreCommit;
import dev.txsuite.coordinator.participant.ParticipantMessages.Prepare;
import dev.txsuite.coordinator.participant.ParticipantMessages.VoteAnswer;
import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchState;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the protocol messages to the participants, each behind its own circuit breaker and retry (Resilience4j
 * instances named after the participant). Every protocol message is idempotent (a repeated PREPARE returns the
 * recorded vote), so all are retried with backoff: a pooled connection the participant had already closed must
 * not turn into a NO vote. The vote deadline still bounds PREPARE: a vote that arrives after it is ignored.
 * A participant that fault injection cuts off fails exactly like one the network cannot reach. A {@code 409}
 * {@code stale-epoch} is never retried: the transaction belongs to another coordinator instance now.
 */
@Component
public class ParticipantClient {

    private static final Logger log = LoggerFactory.getLogger(ParticipantClient.class);

    private static final String STALE_EPOCH = "https://txsuite.dev/problems/stale-epoch";

    private final Map<String, URI> urls;
    private final Map<String, RestClient> clients;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final Faults faults;
    private final JsonMapper json;

    public ParticipantClient(
            RestClient.Builder builder,
            ClientHttpRequestFactory participantRequestFactory,
            CoordinatorProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            Faults faults,
            JsonMapper json) {
        this.urls = properties.participants().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, participant -> participant.getValue().url()));
        this.clients = properties.participants().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        participant -> builder.clone()
                                .requestFactory(participantRequestFactory)
                                .baseUrl(participant.getValue().url().toString())
                                .build()));
        this.retries = retries;
        this.breakers = breakers;
        this.faults = faults;
        this.json = json;
    }

    /** The participant names a transaction may use. */
    public Set<String> names() {
        return clients.keySet();
    }

    /**
     * The participants with the base URLs this coordinator reaches them on, in the order given: what CAN-COMMIT
     * tells each of them, so that they can run the termination protocol among themselves.
     */
    public List<Peer> peers(List<String> participants) {
        return participants.stream().map(name -> new Peer(name, urls.get(name))).toList();
    }

    /**
     * {@link Delivery.Voted} with the participant's vote; {@link Delivery.StaleEpoch} when it has seen a higher
     * epoch; {@link Delivery.Undelivered} when no vote could be had (unreachable, timeout, error, circuit open).
     */
    public Delivery prepare(String participant, String txId, Prepare message) {
        try {
            return retries.retry(participant)
                    .executeSupplier(breakers.circuitBreaker(participant)
                            .decorateSupplier(() -> vote(participant, txId, message)));
        } catch (CallNotPermittedException | RestClientException e) {
            log.warn("PREPARE {} to {} failed: {}", txId, participant, why(e));
            return new Delivery.Undelivered(why(e));
        }
    }

    public Delivery deliver(String participant, String txId, Decision decision, DecisionMessage message) {
        var path = decision == Decision.COMMIT ? "/tx/branches/{txId}/commit" : "/tx/branches/{txId}/abort";
        return send(participant, path, txId, decision.name(), message);
    }

    /** 3PC's PRE-COMMIT; idempotent, so retried like the decision. */
    public Delivery preCommit(String participant, String txId, PreCommit message) {
        return send(participant, "/tx/branches/{txId}/pre-commit", txId, "PRE-COMMIT", message);
    }

    /**
     * The state of the participant's branch ({@code GET /tx/branches/{txId}}): NONE when it has no record;
     * empty when it cannot be reached. One attempt: the termination protocol presumes an unreachable
     * participant crashed, and a recovery asks again on its next pass.
     */
    public Optional<BranchState> branchState(String participant, String txId) {
        try {
            // asked directly, never refused by an open circuit: the termination protocol leaves out only a
            // participant that really did not answer, since leaving out a live PRE-COMMITTED one splits 3PC
            var branch = client(participant)
                    .get()
                    .uri("/tx/branches/{txId}", txId)
                    .retrieve()
                    .body(JsonNode.class);
            return Optional.ofNullable(branch)
                    .map(body -> body.path("state").asString(null))
                    .map(BranchState::valueOf);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.of(BranchState.NONE);
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("state of {} at {} not known: {}", txId, participant, why(e));
            return Optional.empty();
        }
    }

    private Delivery send(String participant, String path, String txId, String what, Object message) {
        try {
            return retries.retry(participant)
                    .executeSupplier(breakers.circuitBreaker(participant)
                            .decorateSupplier(() -> post(participant, path, txId, what, message)));
        } catch (CallNotPermittedException | RestClientException e) {
            log.warn("{} {} to {} not delivered: {}", what, txId, participant, why(e));
            return new Delivery.Undelivered(why(e));
        }
    }

    /** A stale epoch is an answer, not a failure: returned, so it is neither retried nor held against the circuit. */
    private Delivery vote(String participant, String txId, Prepare message) {
        try {
            var answer = client(participant)
                    .post()
                    .uri("/tx/branches/{txId}/prepare", txId)
                    .body(message)
                    .retrieve()
                    .body(VoteAnswer.class);
            var vote = answer == null ? Optional.<Vote>empty() : answer.toVote();
            if (vote.isEmpty()) {
                log.warn("PREPARE {} to {}: the answer is not a vote: {}", txId, participant, answer);
                return new Delivery.Undelivered("the answer is not a vote: " + answer);
            }
            return new Delivery.Voted(vote.get());
        } catch (HttpClientErrorException e) {
            return staleEpoch(e).orElseThrow(() -> e);
        }
    }

    /** A refusal is an answer, not a failure: returned, so it is neither retried nor held against the circuit. */
    private Delivery post(String participant, String path, String txId, String what, Object message) {
        try {
            client(participant).post().uri(path, txId).body(message).retrieve().toBodilessEntity();
            return new Delivery.Acknowledged();
        } catch (HttpClientErrorException e) {
            var stale = staleEpoch(e);
            if (stale.isPresent()) {
                return stale.get();
            }
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                    || e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                var theirs = reportedState(e);
                if (theirs == null) {
                    log.error(
                            "protocol violation: {} {} refused by {} with {}: {}",
                            what,
                            txId,
                            participant,
                            e.getStatusCode(),
                            e.getResponseBodyAsString());
                }
                return new Delivery.Refused(theirs);
            }
            throw e;
        }
    }

    /** A {@code 409} {@code stale-epoch} problem, with its detail. */
    private Optional<Delivery> staleEpoch(HttpClientErrorException e) {
        if (!e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
            return Optional.empty();
        }
        var problem = problem(e);
        return STALE_EPOCH.equals(problem.path("type").asString(null))
                ? Optional.of(new Delivery.StaleEpoch(problem.path("detail").asString("")))
                : Optional.empty();
    }

    /** The final state a branch-conflict problem reports, or null when the refusal says none. */
    private BranchState reportedState(HttpClientErrorException e) {
        try {
            var state = problem(e).path("state").asString(null);
            return state == null ? null : BranchState.valueOf(state);
        } catch (IllegalArgumentException unknownState) {
            return null;
        }
    }

    /** The problem details of a refusal; an empty object when the body is not JSON. */
    private JsonNode problem(HttpClientErrorException e) {
        try {
            return json.readTree(e.getResponseBodyAsString());
        } catch (JacksonException unreadable) {
            return json.createObjectNode();
        }
    }

    /** The root cause says more than the wrapper: "I/O error on POST ..." hides a refused connection. */
    private static String why(Exception e) {
        return NestedExceptionUtils.getMostSpecificCause(e).toString();
    }

    private RestClient client(String participant) {
        if (faults.cutOff(participant)) {
            throw new ResourceAccessException("the network to " + participant + " is cut by fault injection");
        }
        var client = clients.get(participant);
        if (client == null) {
            // a transaction recovered from the log may name a participant since removed from the configuration
            throw new RestClientException("no URL configured for participant " + participant);
        }
        return client;
    }
}
