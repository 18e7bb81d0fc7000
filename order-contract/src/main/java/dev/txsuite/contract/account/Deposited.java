package dev.txsuite.contract.account;

import java.time.Instant;

/**
 * The answer to a deposit: what was added and the account right after it. A call repeated with the same
 * {@code Idempotency-Key} answers the first one's body again and adds nothing.
 */
public record Deposited(
        String depositId,
        String customerId,
        long amountCents,
        String currency,
        long balanceCents,
        long heldCents,
        long availableCents,
        Instant depositedAt) {}
