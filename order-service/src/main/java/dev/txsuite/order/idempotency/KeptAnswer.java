package dev.txsuite.order.idempotency;

/**
 * The answer given to the first request with an Idempotency-Key, replayed as it was to every repetition.
 *
 * @param body the JSON body, exactly as sent
 * @param location the Location header, or null
 */
public record KeptAnswer(int status, String body, String location) {}
