package dev.txsuite.contract.account;

/**
 * An account as {@code GET /api/accounts[/{customerId}]} shows it; {@code availableCents} is what an order can
 * still pay.
 */
public record AccountView(
        String customerId, String name, long balanceCents, long heldCents, long availableCents, String currency) {}
