package dev.txsuite.payment.account;

import dev.txsuite.contract.account.PaymentEvent;
import dev.txsuite.contract.order.BranchRefusals;
import dev.txsuite.events.SuiteEvent;
import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Payment's part of an order: PREPARE holds the order total on the customer's account, COMMIT captures it,
 * ABORT releases it. Runs inside the participant's local transaction, so the event it publishes commits with
 * the change (a NO vote changes nothing and publishes nothing).
 */
@Component
class PaymentParticipant implements BranchWork<PaymentPayload> {

    static final String UNKNOWN_CUSTOMER = BranchRefusals.UNKNOWN_CUSTOMER;
    static final String CURRENCY_MISMATCH = BranchRefusals.CURRENCY_MISMATCH;
    static final String INSUFFICIENT_FUNDS = BranchRefusals.INSUFFICIENT_FUNDS;

    private final AccountRepository accounts;
    private final PaymentHoldRepository holds;
    private final ApplicationEventPublisher events;

    PaymentParticipant(AccountRepository accounts, PaymentHoldRepository holds, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.holds = holds;
        this.events = events;
    }

    @Override
    public Class<PaymentPayload> payloadType() {
        return PaymentPayload.class;
    }

    @Override
    public Vote prepare(String txId, PaymentPayload payload) {
        var found = accounts.lockByCustomerId(payload.customerId());
        if (found.isEmpty()) {
            return Vote.no(UNKNOWN_CUSTOMER);
        }
        var account = found.get();
        if (!account.currency().equals(payload.currency())) {
            return Vote.no(CURRENCY_MISMATCH);
        }
        if (account.availableCents() < payload.amountCents()) {
            return Vote.no(INSUFFICIENT_FUNDS);
        }
        account.hold(payload.amountCents());
        var hold = holds.save(new PaymentHold(
                txId, payload.orderId(), payload.customerId(), payload.amountCents(), payload.currency()));
        events.publishEvent(paymentEvent(PaymentEvent.HELD, hold, account));
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var hold = heldBy(txId);
        var account = lockAccountOf(hold);
        hold.capture(account);
        events.publishEvent(paymentEvent(PaymentEvent.CAPTURED, hold, account));
    }

    @Override
    public void abort(String txId, String reason) {
        var hold = heldBy(txId);
        var account = lockAccountOf(hold);
        hold.release(account);
        events.publishEvent(paymentEvent(PaymentEvent.RELEASED, hold, account));
    }

    private PaymentHold heldBy(String txId) {
        return holds.findById(txId)
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " voted YES but holds no money"));
    }

    private Account lockAccountOf(PaymentHold hold) {
        return accounts.lockByCustomerId(hold.customerId()).orElseThrow();
    }

    /** @param account the account after the change */
    private static PaymentEvent paymentEvent(String type, PaymentHold hold, Account account) {
        return new PaymentEvent(
                SuiteEvent.newEventId(),
                type,
                account.customerId(),
                hold.orderId(),
                hold.txId(),
                hold.amountCents(),
                hold.currency(),
                account.balanceCents(),
                account.heldCents(),
                Instant.now());
    }
}
