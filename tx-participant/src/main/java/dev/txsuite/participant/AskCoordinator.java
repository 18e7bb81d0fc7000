package dev.txsuite.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.Decision;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks the coordinator for the outcome of a transaction: for a branch an expired timer found in doubt, and for a
 * service that must settle work the transaction's messages never reached (order-service's unprepared orders).
 * The call is guarded by the {@value CallGuards#COORDINATOR} retry, circuit breaker and bulkhead.
 */
public class AskCoordinator {

    private final RestClient http;
    private final URI coordinatorUrl;
    private final CallGuards guards;
    private final Faults faults;

    AskCoordinator(RestClient http, URI coordinatorUrl, CallGuards guards, Faults faults) {
        this.http = http;
        this.coordinatorUrl = coordinatorUrl;
        this.guards = guards;
        this.faults = faults;
    }

    public sealed interface Outcome {

        /** @param epoch the coordinator's epoch for the transaction, 0 when it names none */
        record Decided(Decision decision, String reason, long epoch) implements Outcome {}

        record Undecided() implements Outcome {}

        /** The coordinator has no record of the transaction: presumed abort. */
        record NoRecord() implements Outcome {}

        /**
         * Unreachable, too slow, or failing (after the retries), or its circuit breaker is open because it failed
         * nearly every recent call; {@code why} is for the log.
         */
        record NoAnswer(String why) implements Outcome {}

        /**
         * Not asked: too many of this service's calls to the coordinator are under way already. That says nothing
         * about the coordinator, so the branch waits for its next expiry.
         */
        record NotAsked(String why) implements Outcome {}
    }

    /** {@code GET /tx/transactions/{txId}}: {@code decision} is null while the transaction is undecided. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionAnswer(String decision, String reason, Long epoch) {}

    public Outcome outcomeOf(String txId) {
        if (faults.cutOff("coordinator")) {
            return new Outcome.NoAnswer("cut off from the coordinator by fault injection");
        }
        var uri = UriComponentsBuilder.fromUri(coordinatorUrl)
                .path("/tx/transactions/{txId}")
                .buildAndExpand(txId)
                .toUri();
        try {
            return guards.coordinator(() -> http.get().uri(uri).exchangeForRequiredValue((request, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                    var answer = response.bodyTo(TransactionAnswer.class);
                    if (answer == null || answer.decision() == null) {
                        return new Outcome.Undecided();
                    }
                    return new Outcome.Decided(
                            Decision.valueOf(answer.decision()),
                            answer.reason(),
                            answer.epoch() == null ? 0 : answer.epoch());
                }
                if (UnknownTransaction.isAnswer(response)) {
                    return new Outcome.NoRecord();
                }
                // thrown, so that a 5xx is retried and counts against the circuit
                throw response.createException();
            }));
        } catch (CallNotPermittedException e) {
            return new Outcome.NoAnswer("its circuit breaker is open: " + e.getMessage());
        } catch (BulkheadFullException e) {
            return new Outcome.NotAsked(e.getMessage());
        } catch (RestClientException e) {
            return new Outcome.NoAnswer(PeerBranches.why(e));
        }
    }
}
