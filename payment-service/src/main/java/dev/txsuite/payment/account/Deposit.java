package dev.txsuite.payment.account;

import dev.txsuite.contract.account.AccountNotFound;
import dev.txsuite.contract.account.DepositRequest;
import dev.txsuite.contract.account.Deposited;
import dev.txsuite.contract.account.PaymentEvent;
import dev.txsuite.contract.supply.SupplyProblem;
import dev.txsuite.events.SuiteEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator deposits money on a customer's account: one local transaction that locks the account, records the
 * deposit, raises the balance and publishes {@code payment.deposited}. With an {@code Idempotency-Key} the key is
 * the deposit's id: the same call again answers the first deposit and adds nothing; the key with another account or
 * amount is refused.
 */
@Component
class Deposit {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Deposit(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param idempotencyKey the client's key, or {@code null} for a deposit of its own */
    @Transactional
    Deposited add(String customerId, DepositRequest request, String idempotencyKey) {
        var cents = SupplyProblem.positive(request.amountCents(), "amountCents", DepositRequest.MAX_CENTS);
        var balance = jdbc.sql("SELECT balance_cents FROM account WHERE customer_id = :customerId FOR UPDATE")
                .param("customerId", customerId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new AccountNotFound(customerId));
        var depositId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        var earlier = find(depositId);
        if (earlier != null) {
            return sameAs(earlier, customerId, cents);
        }
        if (balance > Long.MAX_VALUE - cents) {
            throw SupplyProblem.invalidAmount(
                    "amountCents",
                    customerId + "'s balance is " + balance + " cents; adding " + cents + " would pass the limit of "
                            + Long.MAX_VALUE);
        }
        var deposited = jdbc.sql("""
                        WITH raised AS (
                            UPDATE account SET balance_cents = balance_cents + :cents WHERE customer_id = :customerId
                            RETURNING currency, balance_cents, held_cents)
                        INSERT INTO deposit (deposit_id, customer_id, amount_cents, currency, balance_after, held_after,
                                             created_at)
                        SELECT :depositId, :customerId, :cents, currency, balance_cents, held_cents, now() FROM raised
                        RETURNING deposit_id, customer_id, amount_cents, currency, balance_after, held_after,
                                  created_at""")
                .param("cents", cents)
                .param("customerId", customerId)
                .param("depositId", depositId)
                .query(Deposit::deposited)
                .single();
        events.publishEvent(new PaymentEvent(
                SuiteEvent.newEventId(),
                PaymentEvent.DEPOSITED,
                customerId,
                null,
                depositId,
                cents,
                deposited.currency(),
                deposited.balanceCents(),
                deposited.heldCents(),
                deposited.depositedAt()));
        return deposited;
    }

    private Deposited find(String depositId) {
        return jdbc.sql("""
                        SELECT deposit_id, customer_id, amount_cents, currency, balance_after, held_after, created_at
                        FROM deposit WHERE deposit_id = :depositId""")
                .param("depositId", depositId)
                .query(Deposit::deposited)
                .optional()
                .orElse(null);
    }

    private static Deposited sameAs(Deposited earlier, String customerId, long cents) {
        if (!earlier.customerId().equals(customerId) || earlier.amountCents() != cents) {
            throw SupplyProblem.keyReused(
                    earlier.depositId(),
                    "this Idempotency-Key already deposited " + earlier.amountCents() + " cents on "
                            + earlier.customerId() + "'s account; nothing was added");
        }
        return earlier;
    }

    private static Deposited deposited(ResultSet row, int number) throws SQLException {
        var balance = row.getLong("balance_after");
        var held = row.getLong("held_after");
        return new Deposited(
                row.getString("deposit_id"),
                row.getString("customer_id"),
                row.getLong("amount_cents"),
                row.getString("currency"),
                balance,
                held,
                balance - held,
                row.getTimestamp("created_at").toInstant());
    }
}
