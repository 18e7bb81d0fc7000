package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.protocol.Reasons;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads one resource of another service: an idempotent GET, so it is retried (with backoff and jitter) behind a
 * circuit breaker, and each attempt holds a permit of the service's bulkhead, so that a slow service cannot take
 * every request thread. A 404 means there is no such resource; a service that cannot answer is a 503 problem.
 */
public class RemoteLookup {

    private static final Logger log = LoggerFactory.getLogger(RemoteLookup.class);

    private final String service;
    private final RestClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    public RemoteLookup(
            String service, RestClient client, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.service = service;
        this.client = client;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    /**
     * @param usable whether an answer holds what the caller needs; one that does not is the service's fault
     * @return empty when the service has no such resource
     * @throws OrderProblem (503) when the service cannot answer, after the configured retries
     */
    <T> Optional<T> find(String uriTemplate, Object id, Class<T> type, Predicate<T> usable) {
        try {
            var found = Retry.decorateSupplier(
                            retry,
                            CircuitBreaker.decorateSupplier(
                                    circuitBreaker,
                                    Bulkhead.decorateSupplier(
                                            bulkhead,
                                            () -> client.get()
                                                    .uri(uriTemplate, id)
                                                    .retrieve()
                                                    .body(type))))
                    .get();
            if (found == null || !usable.test(found)) {
                throw new RestClientException("unusable answer " + found);
            }
            return Optional.of(found);
        } catch (HttpClientErrorException e) {
            // 400: the id cannot even be a resource of that service (a sku with a slash, say)
            if (e.getStatusCode() == HttpStatus.NOT_FOUND || e.getStatusCode() == HttpStatus.BAD_REQUEST) {
                return Optional.empty();
            }
            throw unavailable(id, e);
        } catch (RestClientException | CallNotPermittedException | BulkheadFullException e) {
            throw unavailable(id, e);
        }
    }

    private OrderProblem unavailable(Object id, RuntimeException failure) {
        var cause = failure instanceof RestClientException rest ? rest.getMostSpecificCause() : failure;
        log.warn("cannot look up {} at {}: {}", id, service, cause.toString());
        return OrderProblem.serviceUnavailable(service, Reasons.PARTICIPANT_UNAVAILABLE);
    }
}
