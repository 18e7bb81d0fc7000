package dev.txsuite.baseline.account;

import dev.txsuite.contract.account.AccountView;

/** A row of {@code account}: a customer's money ({@code heldCents} stays 0 in the baseline). */
public record Account(String customerId, String name, String currency, long balanceCents, long heldCents) {

    public long availableCents() {
        return balanceCents - heldCents;
    }

    AccountView toView() {
        return new AccountView(customerId, name, balanceCents, heldCents, availableCents(), currency);
    }
}
