package dev.txsuite.payment.account;

import dev.txsuite.contract.account.AccountView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer's money: {@code balanceCents} in the account, {@code heldCents} of it promised to open orders. */
@Entity
public class Account {

    @Id
    private String customerId;

    private String name;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    private long balanceCents;

    private long heldCents;

    protected Account() {}

    public Account(String customerId, String name, String currency, long balanceCents) {
        this.customerId = customerId;
        this.name = name;
        this.currency = currency;
        this.balanceCents = balanceCents;
    }

    public long availableCents() {
        return balanceCents - heldCents;
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public long balanceCents() {
        return balanceCents;
    }

    public long heldCents() {
        return heldCents;
    }

    AccountView toView() {
        return new AccountView(customerId, name, balanceCents, heldCents, availableCents(), currency);
    }
}
