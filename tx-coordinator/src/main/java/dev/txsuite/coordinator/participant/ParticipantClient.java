package dev.txsuite.coordinator.participant;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.participant.ParticipantMessages.DecisionMessage;
import dev.txsuite.coordinator.participant.ParticipantMessages.Prepare;
import dev.txsuite.coordinator.participant.ParticipantMessages.VoteAnswer;
import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Vote;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
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
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends the protocol messages to the participants, each behind its own circuit breaker and retry (Resilience4j
 * instances named after the participant). Every protocol message is idempotent (a repeated PREPARE returns the
 * recorded vote), so all are retried with backoff: a pooled connection the participant had already closed must
 * not turn into a NO vote. The vote deadline still bounds PREPARE: a vote that arrives after it is ignored.
 */
@Component
public class ParticipantClient {

    private static final Logger log = LoggerFactory.getLogger(ParticipantClient.class);

    private final Map<String, RestClient> clients;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;

    public ParticipantClient(
            RestClient.Builder builder,
            ClientHttpRequestFactory participantRequestFactory,
            CoordinatorProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        this.clients = properties.participants().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        participant -> builder.clone()
                                .requestFactory(participantRequestFactory)
                                .baseUrl(participant.getValue().url().toString())
                                .build()));
        this.retries = retries;
        this.breakers = breakers;
    }

    /** The participant names a transaction may use. */
    public Set<String> names() {
        return clients.keySet();
    }

    /** The participant's vote; empty when it could not be had (unreachable, timeout, error, circuit open). */
    public Optional<Vote> prepare(String participant, String txId, Prepare message) {
        try {
            var answer = retries.retry(participant)
                    .executeSupplier(breakers.circuitBreaker(participant)
                            .decorateSupplier(() -> client(participant)
                                    .post()
                                    .uri("/tx/branches/{txId}/prepare", txId)
                                    .body(message)
                                    .retrieve()
                                    .body(VoteAnswer.class)));
            var vote = answer == null ? Optional.<Vote>empty() : answer.toVote();
            if (vote.isEmpty()) {
                log.warn("PREPARE {} to {}: the answer is not a vote: {}", txId, participant, answer);
            }
            return vote;
        } catch (CallNotPermittedException | RestClientException e) {
            log.warn("PREPARE {} to {} failed: {}", txId, participant, why(e));
            return Optional.empty();
        }
    }

    public Delivery deliver(String participant, String txId, Decision decision, DecisionMessage message) {
        var path = decision == Decision.COMMIT ? "/tx/branches/{txId}/commit" : "/tx/branches/{txId}/abort";
        try {
            return retries.retry(participant)
                    .executeSupplier(breakers.circuitBreaker(participant)
                            .decorateSupplier(() -> send(participant, path, txId, decision, message)));
        } catch (CallNotPermittedException | RestClientException e) {
            log.warn("{} {} to {} not delivered, will retry: {}", decision, txId, participant, why(e));
            return Delivery.UNDELIVERED;
        }
    }

    /** A refusal is an answer, not a failure: returned, so it is neither retried nor held against the circuit. */
    private Delivery send(String participant, String path, String txId, Decision decision, DecisionMessage message) {
        try {
            client(participant).post().uri(path, txId).body(message).retrieve().toBodilessEntity();
            return Delivery.ACKNOWLEDGED;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                    || e.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
                log.error(
                        "protocol violation: {} {} refused by {} with {}: {}",
                        decision,
                        txId,
                        participant,
                        e.getStatusCode(),
                        e.getResponseBodyAsString());
                return Delivery.REFUSED;
            }
            throw e;
        }
    }

    /** The root cause says more than the wrapper: "I/O error on POST ..." hides a refused connection. */
    private static String why(Exception e) {
        return NestedExceptionUtils.getMostSpecificCause(e).toString();
    }

    private RestClient client(String participant) {
        var client = clients.get(participant);
        if (client == null) {
            // a transaction recovered from the log may name a participant since removed from the configuration
            throw new RestClientException("no URL configured for participant " + participant);
        }
        return client;
    }
}
