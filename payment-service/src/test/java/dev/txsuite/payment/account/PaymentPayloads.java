package dev.txsuite.payment.account;

import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;

import java.util.Map;

/** What a PREPARE asks of the payment participant: hold one transaction's order total on a customer's account. */
final class PaymentPayloads {

    private PaymentPayloads() {}

    static Map<String, Object> hold(String txId, String customerId, long amountCents) {
        return hold(txId, customerId, amountCents, "USD");
    }

    static Map<String, Object> hold(String txId, String customerId, long amountCents, String currency) {
        return Map.of(
                "orderId", orderIdOf(txId), "customerId", customerId, "amountCents", amountCents, "currency", currency);
    }
}
