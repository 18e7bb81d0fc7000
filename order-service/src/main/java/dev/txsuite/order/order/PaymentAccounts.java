package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import java.util.Optional;

/** The customer accounts of payment-service ({@code GET /api/accounts/{customerId}}), kept once read. */
public class PaymentAccounts {

    /** The part of payment-service's account that an order needs: whose it is and its currency. */
    public record Account(String customerId, String currency) {}

    private final RemoteLookup payment;
    private final RecentLookups<Account> accounts;

    public PaymentAccounts(RemoteLookup payment, RecentLookups<Account> accounts) {
        this.payment = payment;
        this.accounts = accounts;
    }

    /**
     * @return empty when payment-service knows no such customer
     * @throws OrderProblem (503) when payment-service cannot answer
     */
    Optional<Account> find(String customerId) {
        return accounts.find(
                customerId,
                unknown -> payment.find(
                        "/api/accounts/{customerId}", unknown, Account.class, account -> account.currency() != null));
    }

    /** Payment voted that the account is not what this service kept: look it up again next time. */
    void forget(String customerId) {
        accounts.forget(customerId);
    }
}
