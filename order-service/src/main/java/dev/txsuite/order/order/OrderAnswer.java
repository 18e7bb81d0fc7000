package dev.txsuite.order.order;

import dev.txsuite.order.idempotency.KeptAnswer;

/**
 * The HTTP answer to placing an order, its body already written as JSON so that a repeated request (same
 * Idempotency-Key) gets exactly the same bytes.
 *
 * @param location the Location header, or null
 */
public record OrderAnswer(int status, String location, String body) {

    static OrderAnswer of(KeptAnswer kept) {
        return new OrderAnswer(kept.status(), kept.location(), kept.body());
    }

    KeptAnswer toKept() {
        return new KeptAnswer(status, body, location);
    }

    boolean isProblem() {
        return status >= 400;
    }

    /** A 503 is not kept for an Idempotency-Key: nothing was done, and the client may try again. */
    boolean isWorthKeeping() {
        return status != 503;
    }
}
