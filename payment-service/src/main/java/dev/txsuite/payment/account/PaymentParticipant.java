package dev.txsuite.payment.account;

import dev.txsuite.participant.BranchWork;
import dev.txsuite.protocol.Vote;
import org.springframework.stereotype.Component;

/**
 * Payment's part of an order: PREPARE holds the order total on the customer's account, COMMIT captures it,
 * ABORT releases it. Runs inside the participant's local transaction.
 */
@Component
class PaymentParticipant implements BranchWork<PaymentPayload> {

    static final String UNKNOWN_CUSTOMER = "UNKNOWN_CUSTOMER";
    static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

    private final AccountRepository accounts;
    private final PaymentHoldRepository holds;

    PaymentParticipant(AccountRepository accounts, PaymentHoldRepository holds) {
        this.accounts = accounts;
        this.holds = holds;
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
        holds.save(new PaymentHold(
                txId, payload.orderId(), payload.customerId(), payload.amountCents(), payload.currency()));
        return Vote.yes();
    }

    @Override
    public void commit(String txId) {
        var hold = heldBy(txId);
        hold.capture(lockAccountOf(hold));
    }

    @Override
    public void abort(String txId, String reason) {
        var hold = heldBy(txId);
        hold.release(lockAccountOf(hold));
    }

    private PaymentHold heldBy(String txId) {
        return holds.findById(txId)
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " voted YES but holds no money"));
    }

    private Account lockAccountOf(PaymentHold hold) {
        return accounts.lockByCustomerId(hold.customerId()).orElseThrow();
    }
}
