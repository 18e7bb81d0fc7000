package dev.txsuite.participant;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Supplier;

/**
 * The Resilience4j retry, circuit breaker and bulkhead that guard the timers' calls, one instance of each per
 * target, named after it: {@value #COORDINATOR} for the coordinator, {@code peer-<name>} for each other
 * participant. Their settings are Resilience4j properties: the library's defaults are in
 * {@code dev/txsuite/participant/tx-participant.properties}, and a service's application.yml overrides them
 * ({@code resilience4j.retry.instances.ask-coordinator.max-attempts}, or {@code ...instances.peer-inventory...}
 * for one peer, {@code ...configs.peer...} for all).
 */
record CallGuards(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {

    static final String COORDINATOR = "ask-coordinator";
    static final String PEER_CONFIG = "peer";

    /**
     * Runs one call to the coordinator: retried on a failure to connect or a 5xx answer, refused at once with
     * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} while the circuit is open, and with
     * {@link io.github.resilience4j.bulkhead.BulkheadFullException} when too many calls are under way already.
     */
    <T> T coordinator(Supplier<T> call) {
        return guard(
                retries.retry(COORDINATOR),
                breakers.circuitBreaker(COORDINATOR),
                bulkheads.bulkhead(COORDINATOR),
                call);
    }

    /** Runs one call to another participant, guarded like {@link #coordinator}. */
    <T> T peer(String name, Supplier<T> call) {
        var instance = "peer-" + name;
        return guard(
                retries.retry(instance, PEER_CONFIG),
                breakers.circuitBreaker(instance, PEER_CONFIG),
                bulkheads.bulkhead(instance, PEER_CONFIG),
                call);
    }

    /** Resilience4j's usual order: the bulkhead innermost, so that each attempt holds a permit only while it runs. */
    private static <T> T guard(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead, Supplier<T> call) {
        return retry.executeSupplier(breaker.decorateSupplier(Bulkhead.decorateSupplier(bulkhead, call)));
    }
}
