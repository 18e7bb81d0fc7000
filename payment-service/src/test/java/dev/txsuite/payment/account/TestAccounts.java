package dev.txsuite.payment.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts made for one test, with customer ids no other test uses, and a look at them in the database. */
public record TestAccounts(JdbcClient jdbc) {

    record Money(long balanceCents, long heldCents) {}

    record HoldRow(String orderId, String customerId, long amountCents, String currency, String state) {}

    /** Inserts a USD account with {@code balanceCents}, nothing held, and returns its customer id. */
    String withBalance(long balanceCents) {
        var customerId = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into account (customer_id, name, currency, balance_cents, held_cents)"
                        + " values (?, ?, 'USD', ?, 0)")
                .params(customerId, "Test customer " + customerId, balanceCents)
                .update();
        return customerId;
    }

    Money moneyOf(String customerId) {
        return jdbc.sql("select balance_cents, held_cents from account where customer_id = ?")
                .param(customerId)
                .query(Money.class)
                .single();
    }

    Optional<HoldRow> holdOf(String txId) {
        return jdbc.sql("select order_id, customer_id, amount_cents, currency, state from payment_hold where tx_id = ?")
                .param(txId)
                .query(HoldRow.class)
                .optional();
    }

    List<HoldRow> holdsOn(String customerId) {
        return jdbc.sql("select order_id, customer_id, amount_cents, currency, state from payment_hold"
                        + " where customer_id = ?")
                .param(customerId)
                .query(HoldRow.class)
                .list();
    }
}
