package dev.txsuite.payment.account;

import static dev.txsuite.payment.account.PaymentPayloads.hold;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.payment.account.TestAccounts.Money;
import dev.txsuite.testing.ConcurrentCalls;
import dev.txsuite.testing.ParticipantEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PaymentServiceTest
class ConcurrentPrepareTests {

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestAccounts accounts;

    @Test
    void shouldNeverHoldMoreThanTheBalanceWhenTransactionsPrepareAtOnce() {
        var customer = accounts.withBalance(5_000);

        var votes = ConcurrentCalls.atOnce(10, () -> {
            var txId = newTxId();
            return branches.answerTo(txId, hold(txId, customer, 1_000)).vote();
        });

        assertThat(votes).filteredOn("YES"::equals).hasSize(5);
        assertThat(votes).filteredOn("NO"::equals).hasSize(5);
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(5_000, 5_000));
        assertThat(accounts.holdsOn(customer))
                .hasSize(5)
                .allMatch(hold -> hold.state().equals("HELD"));
    }
}
