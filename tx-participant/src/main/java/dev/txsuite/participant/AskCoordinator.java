package dev.txsuite.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.txsuite.faults.Faults;
import dev.txsuite.protocol.Decision;
import java.net.URI;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/** Asks the coordinator for the outcome of a transaction whose branch an expired timer found in doubt. */
class AskCoordinator {

    private final RestClient http;
    private final URI coordinatorUrl;
    private final Faults faults;

    AskCoordinator(RestClient http, URI coordinatorUrl, Faults faults) {
        this.http = http;
        this.coordinatorUrl = coordinatorUrl;
        this.faults = faults;
    }

    sealed interface Outcome {

        /** @param epoch the coordinator's epoch for the transaction, 0 when it names none */
        record Decided(Decision decision, String reason, long epoch) implements Outcome {}

        record Undecided() implements Outcome {}

        /** The coordinator has no record of the transaction: presumed abort. */
        record NoRecord() implements Outcome {}

        /** Unreachable, too slow, or failing; {@code why} is for the log. */
        record NoAnswer(String why) implements Outcome {}
    }

    /** {@code GET /tx/transactions/{txId}}: {@code decision} is null while the transaction is undecided. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionAnswer(String decision, String reason, Long epoch) {}

    Outcome outcomeOf(String txId) {
        if (faults.cutOff("coordinator")) {
            return new Outcome.NoAnswer("cut off from the coordinator by fault injection");
        }
        var uri = UriComponentsBuilder.fromUri(coordinatorUrl)
                .path("/tx/transactions/{txId}")
                .buildAndExpand(txId)
                .toUri();
        try {
            return http.get().uri(uri).exchangeForRequiredValue((request, response) -> {
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
                return new Outcome.NoAnswer("the coordinator answered " + response.getStatusCode());
            });
        } catch (RestClientException e) {
            return new Outcome.NoAnswer(PeerBranches.why(e));
        }
    }
}
