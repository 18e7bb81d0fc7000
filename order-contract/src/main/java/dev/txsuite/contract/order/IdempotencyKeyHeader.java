package dev.txsuite.contract.order;

/**
 * The optional {@code Idempotency-Key} header of {@code POST /api/orders}: the same key with the same body gets
 * the first answer and never a second order; with another body it is a 422 ({@link
 * OrderProblem#idempotencyKeyReused}).
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** What a key must be, as a problem says it. */
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " characters, not blank";

    private IdempotencyKeyHeader() {}

    /** @param key the header's value, null when the request has none (which is fine) */
    public static boolean isMalformed(String key) {
        return key != null && (key.isBlank() || key.length() > MAX_LENGTH);
    }

    /**
     * @param key the header's value, null when the request has none (which is fine)
     * @throws OrderProblem (400) for a blank key or one longer than {@link #MAX_LENGTH}
     */
    public static void check(String key) {
        if (isMalformed(key)) {
            throw OrderProblem.invalidField(NAME, RULE);
        }
    }
}
