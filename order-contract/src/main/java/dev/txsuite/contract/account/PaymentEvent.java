package dev.txsuite.contract.account;

import dev.txsuite.events.SuiteEvent;
import dev.txsuite.events.Topics;
import java.time.Instant;

/**
 * What a transaction did to a customer's money, on {@code payment.events} keyed by customer id: the order total
 * held, captured or released, or the money an operator deposited. payment-service publishes all four types; the
 * baseline never holds money, so only {@code payment.captured}.
 *
 * @param orderId the order whose transaction moved the money; {@code null} for a deposit
 * @param txId the transaction that moved the money (the baseline: its local database transaction; a deposit: the
 *     deposit's id)
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
    public static final String DEPOSITED = "dev.txsuite.payment.deposited.v1";

    @Override
    public String topic() {
        return Topics.PAYMENT_EVENTS;
    }

    @Override
    public String key() {
        return customerId;
    }
}
