package dev.txsuite.payment.account;

import dev.txsuite.contract.account.PaymentEvent;
import dev.txsuite.contract.order.BranchRefusals;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payment's part of an order: PREPARE holds the order total on the customer's account, COMMIT captures it,
 * ABORT releases it. Runs inside the participant's local transaction, so the event it publishes commits with
 * the change (a NO vote changes nothing and publishes nothing).
 *
 * <p>Plain SQL, two statements a message: PREPARE holds the money only where the account exists, is in the order's
 * currency and can spare it, in one update (its row lock serialises the orders of one customer), and reads why not
 * only when it could not; COMMIT and ABORT settle the hold and change the account in one statement each.
 */
@Component
class PaymentParticipant implements BranchWork<PaymentPayload> {

    static final String UNKNOWN_CUSTOMER = BranchRefusals.UNKNOWN_CUSTOMER;
    static final String CURRENCY_MISMATCH = BranchRefusals.CURRENCY_MISMATCH;
    static final String INSUFFICIENT_FUNDS = BranchRefusals.INSUFFICIENT_FUNDS;

    /** An account after a change: what its payment event tells. */
    private record Balance(long balanceCents, long heldCents) {}

    /** A hold of the transaction, as its COMMIT or ABORT settles it. */
    private record Hold(String orderId, String customerId, long amountCents, String currency) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PaymentParticipant(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Class<PaymentPayload> payloadType() {
        return PaymentPayload.class;
    }

    @Override
    public Vote prepare(String txId, PaymentPayload payload) {
        var held = jdbc.sql("""
                        UPDATE account SET held_cents = held_cents + :amount
                        WHERE customer_id = :customerId AND currency = :currency
                          AND balance_cents - held_cents >= :amount
                        RETURNING balance_cents, held_cents""")
                .param("amount", payload.amountCents())
                .param("customerId", payload.customerId())
                .param("currency", payload.currency())
                .query((row, number) -> new Balance(row.getLong("balance_cents"), row.getLong("held_cents")))
                .optional();
        if (held.isEmpty()) {
            return Vote.no(whyNot(payload));
        }
        jdbc.sql("""
                        INSERT INTO payment_hold (tx_id, order_id, customer_id, amount_cents, currency, state,
                                                  created_at, updated_at)
                        VALUES (:txId, :orderId, :customerId, :amount, :currency, 'HELD', now(), now())""")
                .param("txId", txId)
                .param("orderId", payload.orderId())
                .param("customerId", payload.customerId())
                .param("amount", payload.amountCents())
                .param("currency", payload.currency())
                .update();
        publish(
                PaymentEvent.HELD,
                txId,
                new Hold(payload.orderId(), payload.customerId(), payload.amountCents(), payload.currency()),
                held.get());
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var hold = settle(txId, "CAPTURED");
        publish(PaymentEvent.CAPTURED, txId, hold, change(hold, "balance_cents = balance_cents - :amount, "));
    }

    @Override
    public void abort(String txId, String reason) {
        var hold = settle(txId, "RELEASED");
        publish(PaymentEvent.RELEASED, txId, hold, change(hold, ""));
    }

    /** Why the account could not hold the money; it stays as it was. */
    private String whyNot(PaymentPayload payload) {
        return jdbc.sql("SELECT currency FROM account WHERE customer_id = :customerId")
                .param("customerId", payload.customerId())
                .query(String.class)
                .optional()
                .map(currency -> currency.equals(payload.currency()) ? INSUFFICIENT_FUNDS : CURRENCY_MISMATCH)
                .orElse(UNKNOWN_CUSTOMER);
    }

    private Hold settle(String txId, String state) {
        return jdbc.sql("""
                        UPDATE payment_hold SET state = :state, updated_at = now()
                        WHERE tx_id = :txId AND state = 'HELD'
                        RETURNING order_id, customer_id, amount_cents, currency""")
                .param("state", state)
                .param("txId", txId)
                .query((row, number) -> new Hold(
                        row.getString("order_id"),
                        row.getString("customer_id"),
                        row.getLong("amount_cents"),
                        row.getString("currency")))
                .optional()
                // the participant machine only asks for phase two's work after a YES vote, which held money
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " voted YES but holds no money"));
    }

    /**
     * Takes the held money off the account's held total, and off its balance as {@code balanceChange} says.
     *
     * @param balanceChange constant SQL of the two callers above: nothing, or the balance's assignment
     */
    private Balance change(Hold hold, String balanceChange) {
        return jdbc.sql("""
                        UPDATE account SET %sheld_cents = held_cents - :amount WHERE customer_id = :customerId
                        RETURNING balance_cents, held_cents""".formatted(balanceChange))
                .param("amount", hold.amountCents())
                .param("customerId", hold.customerId())
                .query((row, number) -> new Balance(row.getLong("balance_cents"), row.getLong("held_cents")))
                .single();
    }

    /** @param account the account after the change */
    private void publish(String type, String txId, Hold hold, Balance account) {
        events.publishEvent(new PaymentEvent(
                SuiteEvent.newEventId(),
                type,
                hold.customerId(),
                hold.orderId(),
                txId,
                hold.amountCents(),
                hold.currency(),
                account.balanceCents(),
                account.heldCents(),
                Instant.now()));
    }
}
