package dev.txsuite.order.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Service;

/** The Idempotency-Keys clients sent, with the first answer each was given. */
@Service
public class IdempotencyKeys {

    // Racing requests may run on different instances of the service: they meet only in the database, so the
    // loser polls the winner's row rather than waiting on anything in memory.
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final IdempotencyKeyRepository keys;

    IdempotencyKeys(IdempotencyKeyRepository keys) {
        this.keys = keys;
    }

    public Optional<IdempotencyKey> find(String key) {
        return keys.findById(key);
    }

    /** @return whether this request now owns the key; false when another request claimed it first */
    public boolean claim(String key, String requestHash, UUID orderId) {
        return keys.claim(key, requestHash, orderId) == 1;
    }

    /** Records the answer that every later request with this key gets. */
    public void keep(String key, KeptAnswer answer) {
        keys.keep(key, answer.status(), answer.body(), answer.location());
    }

    /** Forgets a key whose request failed without an answer worth keeping, so that the client may retry. */
    public void release(String key) {
        keys.release(key);
    }

    /**
     * Waits up to {@code patience} for the request that holds the key to answer.
     *
     * @return the key as it then is: answered, still running, or empty when that request released it
     */
    public Optional<IdempotencyKey> awaitAnswer(String key, Duration patience) {
        var deadline = Instant.now().plus(patience);
        var current = keys.findById(key);
        while (current.isPresent()
                && current.get().answer().isEmpty()
                && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            current = keys.findById(key);
        }
        return current;
    }
}
