package dev.txsuite.payment.account;

import static dev.txsuite.payment.account.PaymentBranches.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.payment.account.PaymentBranches.VoteAnswer;
import dev.txsuite.payment.account.TestAccounts.Money;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@PaymentServiceTest
class ConcurrentPrepareTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldNeverHoldMoreThanTheBalanceWhenTransactionsPrepareAtOnce() {
        var accounts = new TestAccounts(jdbc);
        var branches = new PaymentBranches(client);
        var customer = accounts.withBalance(5_000);
        var start = new CountDownLatch(1);

        List<String> votes;
        try (var executor = Executors.newFixedThreadPool(10)) {
            var prepares = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitQuietly(start);
                                return branches.prepare(newTxId(), customer, 1_000)
                                        .expectStatus()
                                        .isOk()
                                        .expectBody(VoteAnswer.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .vote();
                            },
                            executor))
                    .toList();
            start.countDown();
            votes = prepares.stream().map(CompletableFuture::join).toList();
        }

        assertThat(votes).filteredOn("YES"::equals).hasSize(5);
        assertThat(votes).filteredOn("NO"::equals).hasSize(5);
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(5_000, 5_000));
        assertThat(accounts.holdsOn(customer))
                .hasSize(5)
                .allMatch(hold -> hold.state().equals("HELD"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
