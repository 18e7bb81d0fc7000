package dev.txsuite.order.order;

import dev.txsuite.contract.order.WrittenOrderAnswer;
import dev.txsuite.order.idempotency.KeptAnswer;

/** The answer to placing an order, kept for its Idempotency-Key as a {@link KeptAnswer}. */
public record OrderAnswer(int status, String location, String body) implements WrittenOrderAnswer {

    static OrderAnswer of(KeptAnswer kept) {
        return new OrderAnswer(kept.status(), kept.location(), kept.body());
    }

    KeptAnswer toKept() {
        return new KeptAnswer(status, body, location);
    }

    /** A 503 is not kept for an Idempotency-Key: nothing was done, and the client may try again. */
    boolean isWorthKeeping() {
        return status != 503;
    }
}
