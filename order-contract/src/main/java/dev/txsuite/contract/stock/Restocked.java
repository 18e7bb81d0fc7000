package dev.txsuite.contract.stock;

import java.time.Instant;

/**
 * The answer to a restock: what was added and the product's stock right after it. A call repeated with the same
 * {@code Idempotency-Key} answers the first one's body again and adds nothing.
 */
public record Restocked(
        String restockId, String sku, long units, int onHand, int reserved, int available, Instant restockedAt) {}
