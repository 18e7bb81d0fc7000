package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.WrittenOrderAnswer;
import java.util.UUID;

/**
 * The answer to placing an order, kept with its Idempotency-Key in the order's own transaction.
 *
 * @param orderId the order the answer is about: the baseline answers only for orders it wrote
 */
public record OrderAnswer(UUID orderId, int status, String location, String body) implements WrittenOrderAnswer {}
