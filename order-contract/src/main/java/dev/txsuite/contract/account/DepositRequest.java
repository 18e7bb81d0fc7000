package dev.txsuite.contract.account;

/** The body of {@code POST /api/accounts/{customerId}/deposits} (admin only): {@code {"amountCents": 100000}}. */
public record DepositRequest(Long amountCents) {

    /** Cents one deposit may add: ten billion dollars. */
    public static final long MAX_CENTS = 1_000_000_000_000L;
}
