package dev.txsuite.contract.order;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to {@code POST /api/orders}, its body already written as JSON so that a repeated request (same
 * Idempotency-Key) gets exactly the same bytes. Each service keeps its answers its own way, in a record that
 * implements this.
 */
public interface WrittenOrderAnswer {

    /** What every {@code 503} says in {@code Retry-After}: nothing was changed, the order may be placed again. */
    long RETRY_AFTER_SECONDS = 1;

    int status();

    /** The Location header ({@code 201}, {@code 202}), or null. */
    String location();

    String body();

    default boolean isProblem() {
        return status() >= 400;
    }

    /**
     * As it goes out: a problem as {@code application/problem+json}, anything else as JSON; a {@code 503} (nothing
     * was changed) with {@code Retry-After} ({@link #RETRY_AFTER_SECONDS}).
     */
    default ResponseEntity<String> toResponse() {
        var response = ResponseEntity.status(status())
                .contentType(isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        }
        if (location() != null) {
            response.location(URI.create(location()));
        }
        return response.body(body());
    }
}
