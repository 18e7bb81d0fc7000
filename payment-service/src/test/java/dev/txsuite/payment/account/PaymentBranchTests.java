package dev.txsuite.payment.account;

import static dev.txsuite.payment.account.PaymentBranches.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.payment.account.TestAccounts.HoldRow;
import dev.txsuite.payment.account.TestAccounts.LogRow;
import dev.txsuite.payment.account.TestAccounts.Money;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@PaymentServiceTest
class PaymentBranchTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    PaymentBranches branches;
    TestAccounts accounts;

    @BeforeEach
    void setUp() {
        branches = new PaymentBranches(client);
        accounts = new TestAccounts(jdbc);
    }

    @Test
    void shouldHoldTheAmountAndRecordTheYesVoteOnPrepare() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.prepare(txId, customer, 3_000)
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"payment","vote":"YES","reason":null}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 3_000));
        assertThat(accounts.holdOf(txId)).contains(new HoldRow("order-of-" + txId, customer, 3_000, "USD", "HELD"));
        assertThat(accounts.logOf(txId)).contains(new LogRow("PREPARED", "YES", null, null, 1));
    }

    @Test
    void shouldAnswerTheRecordedVoteAndHoldNothingMoreWhenPrepareIsRepeated() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, customer, 3_000).expectStatus().isOk();

        branches.prepare(txId, customer, 3_000)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("YES");

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 3_000));
        assertThat(accounts.holdsOn(customer)).hasSize(1);
    }

    @Test
    void shouldVoteNoInsufficientFundsAndChangeNothing() {
        var customer = accounts.withBalance(10_000);
        var earlier = newTxId();
        branches.prepare(earlier, customer, 8_000).expectStatus().isOk();
        var txId = newTxId();

        branches.prepare(txId, customer, 2_001)
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"payment","vote":"NO","reason":"INSUFFICIENT_FUNDS"}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 8_000));
        assertThat(accounts.holdOf(txId)).isEmpty();
        assertThat(accounts.logOf(txId))
                .contains(new LogRow("ABORTED", "NO", "INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS", 1));
    }

    @Test
    void shouldVoteNoForAnUnknownCustomer() {
        var txId = newTxId();

        branches.prepare(txId, "nobody-" + txId, 100)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("UNKNOWN_CUSTOMER");

        assertThat(accounts.holdOf(txId)).isEmpty();
    }

    @Test
    void shouldVoteNoForAnotherCurrencyAndChangeNothing() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.prepare(txId, 1, customer, 100, "EUR")
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("CURRENCY_MISMATCH");

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
        assertThat(accounts.holdOf(txId)).isEmpty();
    }

    @Test
    void shouldCaptureTheHeldAmountOnCommitAndAcknowledgeARepeatedCommit() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, customer, 3_000).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk().expectBody().json("""
                {"txId":"%s","participant":"payment","state":"COMMITTED"}""".formatted(txId));
        branches.commit(txId).expectStatus().isOk();

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(7_000, 0));
        assertThat(accounts.holdOf(txId)).map(HoldRow::state).contains("CAPTURED");
        assertThat(accounts.logOf(txId)).map(LogRow::state).contains("COMMITTED");
    }

    @Test
    void shouldReleaseTheHoldOnAbort() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, customer, 3_000).expectStatus().isOk();

        branches.abort(txId, 1, "OUT_OF_STOCK")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"txId":"%s","participant":"payment","state":"ABORTED"}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
        assertThat(accounts.holdOf(txId)).map(HoldRow::state).contains("RELEASED");
        assertThat(accounts.logOf(txId)).contains(new LogRow("ABORTED", "YES", null, "OUT_OF_STOCK", 1));
    }

    @Test
    void shouldLeaveATombstoneSoThatALatePrepareVotesNo() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.abort(txId, 1, "VOTE_TIMEOUT").expectStatus().isOk();
        assertThat(accounts.logOf(txId)).contains(new LogRow("ABORTED", null, null, "VOTE_TIMEOUT", 1));

        branches.prepare(txId, customer, 3_000)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("NO")
                .jsonPath("$.reason")
                .isEqualTo("ALREADY_ABORTED");
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
        assertThat(accounts.holdOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitForAnUnknownTransaction() {
        var txId = newTxId();

        branches.commit(txId)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/unknown-transaction");

        assertThat(accounts.logOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitAfterAbort() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, customer, 3_000).expectStatus().isOk();
        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        branches.commit(txId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/branch-conflict");

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
    }

    @Test
    void shouldRejectAPrepareWithoutPayloadOrWithAMalformedOne() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.post(txId, "prepare", Map.of("epoch", 1))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        branches.prepare(txId, customer, 0).expectStatus().isBadRequest();
        branches.prepare(txId, 1, customer, 100, "dollars").expectStatus().isBadRequest();

        assertThat(accounts.logOf(txId)).isEmpty();
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
    }
}
