package dev.txsuite.contract.account;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Instant;

/**
 * What a transaction did to a customer's money, on {@code payment.events} keyed by customer id: the order total
 * held, captured or released. payment-service publishes all three types; the baseline never holds money, so only
 * {@code payment.captured}.
 *
 * @param txId the transaction that moved the money (the baseline: its local database transaction)
 * @param balanceCents the account's balance after the change
 * @param heldCents the money held on the account after the change
 */
public record PaymentEvent(
        String eventId,
        String type,
        String customerId,
        String orderId,
        String txId,
        long amountCents,
        String currency,
        long balanceCents,
        long heldCents,
        Instant time)
        implements SuiteEvent {

    public static final String HELD = "dev.txsuite.payment.held.v1";
    public static final String CAPTURED = "dev.txsuite.payment.captured.v1";
    public static final String RELEASED = "dev.txsuite.payment.released.v1";

    @Override
    public String topic() {
        return Topics.PAYMENT_EVENTS;
    }

    @Override
    public String key() {
        return customerId;
    }
}
