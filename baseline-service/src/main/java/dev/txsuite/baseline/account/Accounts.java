package dev.txsuite.baseline.account;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code account} table. */
@Repository
public class Accounts {

    private static final String COLUMNS = "customer_id, name, currency, balance_cents, held_cents";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the customer's account (SELECT ... FOR UPDATE) until the transaction ends; empty for an unknown one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lock(String customerId) {
        return jdbc.sql("select " + COLUMNS + " from account where customer_id = :customerId for update")
                .param("customerId", customerId)
                .query(Account.class)
                .optional();
    }

    /**
     * The money leaves the account; guarded, so that a balance can never go below zero even if a caller forgot
     * the lock.
     *
     * @return the account after the change
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account capture(String customerId, long amountCents) {
        return jdbc.sql("update account set balance_cents = balance_cents - :amount"
                        + " where customer_id = :customerId and balance_cents - held_cents >= :amount returning "
                        + COLUMNS)
                .param("amount", amountCents)
                .param("customerId", customerId)
                .query(Account.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException(customerId + " cannot pay " + amountCents + " cents"));
    }

    public Optional<Account> find(String customerId) {
        return jdbc.sql("select " + COLUMNS + " from account where customer_id = :customerId")
                .param("customerId", customerId)
                .query(Account.class)
                .optional();
    }

    /** A page of accounts, by customer id. */
    public Page<Account> page(Pageable page) {
        var content = jdbc.sql("select " + COLUMNS + " from account order by customer_id limit :limit offset :offset")
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(Account.class)
                .list();
        return new PageImpl<>(content, page, count());
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public void add(Account account) {
        jdbc.sql("insert into account (" + COLUMNS
                        + ") values (:customerId, :name, :currency, :balanceCents, :heldCents)")
                .paramSource(account)
                .update();
    }
}
