package dev.txsuite.payment.account;

/** An account as the API shows it; {@code availableCents} is what an order can still hold. */
public record AccountView(
        String customerId, String name, long balanceCents, long heldCents, long availableCents, String currency) {

    static AccountView of(Account account) {
        return new AccountView(
                account.customerId(),
                account.name(),
                account.balanceCents(),
                account.heldCents(),
                account.availableCents(),
                account.currency());
    }
}
