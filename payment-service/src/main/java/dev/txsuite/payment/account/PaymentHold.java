package dev.txsuite.payment.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** The money one transaction held on a customer's account when it prepared. */
@Entity
public class PaymentHold {

    @Id
    private String txId;

    private String orderId;

    private String customerId;

    private long amountCents;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    private HoldState state;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected PaymentHold() {}

    PaymentHold(String txId, String orderId, String customerId, long amountCents, String currency) {
        this.txId = txId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.amountCents = amountCents;
        this.currency = currency;
        this.state = HoldState.HELD;
    }

    void capture(Account account) {
        requireHeld();
        account.capture(amountCents);
        state = HoldState.CAPTURED;
    }

    void release(Account account) {
        requireHeld();
        account.release(amountCents);
        state = HoldState.RELEASED;
    }

    private void requireHeld() {
        if (state != HoldState.HELD) {
            throw new IllegalStateException("hold " + txId + " is already " + state);
        }
    }

    public String customerId() {
        return customerId;
    }

    public String txId() {
        return txId;
    }

    public String orderId() {
        return orderId;
    }

    public long amountCents() {
        return amountCents;
    }

    public String currency() {
        return currency;
    }
}
