package dev.txsuite.order.order;

import dev.txsuite.protocol.Decision;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Runs a global transaction at tx-coordinator ({@code POST /tx/transactions}) and says how it ended. What
 * matters after a failure is whether the transaction may have begun, and only a connection that was never made
 * proves it did not: only that is retried (the Resilience4j retry "coordinator" tests {@link NeverConnected}),
 * and it would be safe even otherwise, since the coordinator answers a repeated transaction id with its state.
 */
public class TransactionCoordinator {

    private static final Logger log = LoggerFactory.getLogger(TransactionCoordinator.class);

    /** How a transaction stands once the coordinator answered, or could not. */
    sealed interface Outcome {

        /** The coordinator decided; {@code reason} is the abort's reason. */
        record Decided(Decision decision, String reason) implements Outcome {}

        /** The transaction may have begun, but its outcome is not known yet. */
        record Undecided() implements Outcome {}

        /** The transaction certainly never began: nothing was changed anywhere. */
        record NotStarted() implements Outcome {}
    }

    /** The coordinator's answer: {@code decision} is null while the votes are still being collected. */
    record TransactionAnswer(String txId, String protocol, String state, String decision, String reason) {}

    private final RestClient coordinator;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    /** @param coordinator its read timeout is the order's request deadline */
    public TransactionCoordinator(RestClient coordinator, Retry retry, CircuitBreaker circuitBreaker) {
        this.coordinator = coordinator;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    Outcome run(OrderTransaction transaction) {
        TransactionAnswer answer;
        try {
            answer = retry.executeSupplier(circuitBreaker.decorateSupplier(() -> coordinator
                    .post()
                    .uri("/tx/transactions")
                    .body(transaction)
                    .retrieve()
                    .body(TransactionAnswer.class)));
        } catch (CallNotPermittedException e) {
            log.warn("transaction {} not started: the coordinator's circuit breaker is open", transaction.txId());
            return new Outcome.NotStarted();
        } catch (HttpClientErrorException e) {
            // the coordinator refused the transaction (contract: unknown participant, bad body): it never began
            log.error("coordinator refused transaction {}: {}", transaction.txId(), e.getResponseBodyAsString(), e);
            return new Outcome.NotStarted();
        } catch (ResourceAccessException e) {
            if (new NeverConnected().test(e)) {
                log.warn(
                        "transaction {} not started: the coordinator cannot be reached: {}",
                        transaction.txId(),
                        e.getMostSpecificCause().toString());
                return new Outcome.NotStarted();
            }
            log.warn(
                    "no outcome of transaction {} within the request deadline: {}",
                    transaction.txId(),
                    e.getMostSpecificCause().toString());
            return new Outcome.Undecided();
        } catch (RestClientException e) {
            log.warn("no usable outcome of transaction {}: {}", transaction.txId(), e.toString());
            return new Outcome.Undecided();
        }
        return outcomeOf(answer);
    }

    private static Outcome outcomeOf(TransactionAnswer answer) {
        if (answer == null || answer.decision() == null) {
            return new Outcome.Undecided();
        }
        return switch (answer.decision()) {
            case "COMMIT" -> new Outcome.Decided(Decision.COMMIT, null);
            case "ABORT" -> new Outcome.Decided(Decision.ABORT, answer.reason());
            default -> new Outcome.Undecided();
        };
    }
}
