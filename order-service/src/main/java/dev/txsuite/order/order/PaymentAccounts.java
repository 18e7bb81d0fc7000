package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import java.util.Optional;

/** The customer accounts of payment-service ({@code GET /api/accounts/{customerId}}). */
public class PaymentAccounts {

    /** The part of payment-service's account that an order needs: whose it is and its currency. */
    record Account(String customerId, String currency) {}

    private final RemoteLookup payment;

    public PaymentAccounts(RemoteLookup payment) {
        this.payment = payment;
    }

    /**
     * @return empty when payment-service knows no such customer
     * @throws OrderProblem (503) when payment-service cannot answer
     */
    Optional<Account> find(String customerId) {
        return payment.find(
                "/api/accounts/{customerId}", customerId, Account.class, account -> account.currency() != null);
    }
}
