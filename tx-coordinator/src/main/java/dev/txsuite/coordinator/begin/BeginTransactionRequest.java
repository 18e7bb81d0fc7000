package dev.txsuite.coordinator.begin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"txId","orderId","protocol":"2PC","timeoutMillis":3000,"initiator":"order","branches":[{"participant":"order",
 * "payload":{...}}]}}; {@code protocol} is {@code 2PC} or {@code 3PC}; {@code timeoutMillis}, the time the
 * participants have to vote (and under 3PC again to acknowledge PRE-COMMIT), is optional; so is {@code orderId}, the
 * order the transaction is for, which operators search by; so is {@code initiator}, the participant that sends the
 * begin having prepared its own branch: the begin is its YES vote, it gets no PREPARE, and the answer is its decision.
 */
public record BeginTransactionRequest(
        @NotBlank @Size(max = 128) String txId,
        @Size(max = 128) String orderId,
        @NotBlank String protocol,
        @Positive @Max(300_000) Long timeoutMillis,
        @NotEmpty @Size(max = 16) List<@Valid @NotNull Branch> branches,
        @Size(max = 64) String initiator) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public record Branch(
            @NotBlank @Size(max = 64) String participant,
            @NotNull JsonNode payload) {}

    Duration timeout() {
        return timeoutMillis == null ? DEFAULT_TIMEOUT : Duration.ofMillis(timeoutMillis);
    }
}
