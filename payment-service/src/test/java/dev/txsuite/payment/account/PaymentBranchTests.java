package dev.txsuite.payment.account;

import static dev.txsuite.payment.account.PaymentPayloads.hold;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;
import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.payment.account.TestAccounts.HoldRow;
import dev.txsuite.payment.account.TestAccounts.Money;
import dev.txsuite.testing.BranchLog;
import dev.txsuite.testing.BranchLog.LogRow;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantEndpoints.VoteAnswer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@PaymentServiceTest
class PaymentBranchTests {

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestAccounts accounts;

    @Autowired
    BranchLog branchLog;

    @Test
    void shouldHoldTheAmountAndRecordTheYesVoteOnPrepare() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.prepare(txId, hold(txId, customer, 3_000))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"payment","vote":"YES","reason":null}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 3_000));
        assertThat(accounts.holdOf(txId)).contains(new HoldRow(orderIdOf(txId), customer, 3_000, "USD", "HELD"));
        assertThat(branchLog.of(txId)).contains(new LogRow("PREPARED", "YES", null, null, 1));
    }

    @Test
    void shouldAnswerTheRecordedVoteAndHoldNothingMoreWhenPrepareIsRepeated() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, hold(txId, customer, 3_000)).expectStatus().isOk();

        assertThat(branches.answerTo(txId, hold(txId, customer, 3_000)))
                .isEqualTo(new VoteAnswer(txId, "payment", "YES", null));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 3_000));
        assertThat(accounts.holdsOn(customer)).hasSize(1);
    }

    @Test
    void shouldVoteNoInsufficientFundsAndChangeNothing() {
        var customer = accounts.withBalance(10_000);
        var earlier = newTxId();
        branches.prepare(earlier, hold(earlier, customer, 8_000)).expectStatus().isOk();
        var txId = newTxId();

        branches.prepare(txId, hold(txId, customer, 2_001))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"payment","vote":"NO","reason":"INSUFFICIENT_FUNDS"}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 8_000));
        assertThat(accounts.holdOf(txId)).isEmpty();
        assertThat(branchLog.of(txId))
                .contains(new LogRow("ABORTED", "NO", "INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS", 1));
    }

    @Test
    void shouldVoteNoForAnUnknownCustomer() {
        var txId = newTxId();

        assertThat(branches.answerTo(txId, hold(txId, "nobody-" + txId, 100)))
                .isEqualTo(new VoteAnswer(txId, "payment", "NO", "UNKNOWN_CUSTOMER"));

        assertThat(accounts.holdOf(txId)).isEmpty();
    }

    @Test
    void shouldVoteNoForAnotherCurrencyAndChangeNothing() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.prepare(txId, 1, hold(txId, customer, 100, "EUR"))
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
        branches.prepare(txId, hold(txId, customer, 3_000)).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk().expectBody().json("""
                {"txId":"%s","participant":"payment","state":"COMMITTED"}""".formatted(txId));
        branches.commit(txId).expectStatus().isOk();

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(7_000, 0));
        assertThat(accounts.holdOf(txId)).map(HoldRow::state).contains("CAPTURED");
        assertThat(branchLog.of(txId)).map(LogRow::state).contains("COMMITTED");
    }

    @Test
    void shouldReleaseTheHoldOnAbort() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, hold(txId, customer, 3_000)).expectStatus().isOk();

        branches.abort(txId, 1, "OUT_OF_STOCK")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"txId":"%s","participant":"payment","state":"ABORTED"}""".formatted(txId));

        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
        assertThat(accounts.holdOf(txId)).map(HoldRow::state).contains("RELEASED");
        assertThat(branchLog.of(txId)).contains(new LogRow("ABORTED", "YES", null, "OUT_OF_STOCK", 1));
    }

    @Test
    void shouldLeaveATombstoneSoThatALatePrepareVotesNo() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.abort(txId, 1, "VOTE_TIMEOUT").expectStatus().isOk();
        assertThat(branchLog.of(txId)).contains(new LogRow("ABORTED", null, null, "VOTE_TIMEOUT", 1));

        assertThat(branches.answerTo(txId, hold(txId, customer, 3_000)))
                .isEqualTo(new VoteAnswer(txId, "payment", "NO", "ALREADY_ABORTED"));
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
        assertThat(accounts.holdOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitForAnUnknownTransaction() {
        var txId = newTxId();

        expectProblem(branches.commit(txId), HttpStatus.NOT_FOUND, "unknown-transaction");

        assertThat(branchLog.of(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitAfterAbort() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, hold(txId, customer, 3_000)).expectStatus().isOk();
        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        expectProblem(branches.commit(txId), HttpStatus.CONFLICT, "branch-conflict");

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
        branches.prepare(txId, hold(txId, customer, 0)).expectStatus().isBadRequest();
        branches.prepare(txId, 1, hold(txId, customer, 100, "dollars"))
                .expectStatus()
                .isBadRequest();

        assertThat(branchLog.of(txId)).isEmpty();
        assertThat(accounts.moneyOf(customer)).isEqualTo(new Money(10_000, 0));
    }
}
