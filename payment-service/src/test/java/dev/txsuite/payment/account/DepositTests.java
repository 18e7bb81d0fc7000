package dev.txsuite.payment.account;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.contract.account.Deposited;
import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.testing.SupplyRequests;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@PaymentServiceTest
class DepositTests {

    static final TopicRecorder PAYMENT_EVENTS = TopicRecorder.recording("payment.events");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopRecording() {
        PAYMENT_EVENTS.close();
    }

    @Test
    void shouldAddTheMoneyRecordTheDepositAndPublishIt() {
        var customer = accounts.withBalance(1_000);

        var deposited = deposit(customer, "{\"amountCents\":250000}", null)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/accounts/" + customer)
                .expectBody(Deposited.class)
                .returnResult()
                .getResponseBody();

        assertThat(deposited.amountCents()).isEqualTo(250_000);
        assertThat(deposited.balanceCents()).isEqualTo(251_000);
        assertThat(deposited.availableCents()).isEqualTo(251_000);
        assertThat(accounts.moneyOf(customer)).isEqualTo(new TestAccounts.Money(251_000, 0));
        assertThat(depositedCents(customer)).isEqualTo(250_000);
        var event =
                PAYMENT_EVENTS.awaitExactly(customer, 1, Duration.ofMillis(500)).getFirst();
        assertThat(event.type()).isEqualTo("dev.txsuite.payment.deposited.v1");
        var body = JSON.readTree(event.value());
        assertThat(body.get("txId").asString()).isEqualTo(deposited.depositId());
        assertThat(body.get("amountCents").asLong()).isEqualTo(250_000);
        assertThat(body.get("balanceCents").asLong()).isEqualTo(251_000);
        assertThat(body.get("orderId").isNull()).isTrue();
    }

    @Test
    void shouldAnswerTheFirstDepositAgainForTheSameKeyAndAddNothing() {
        var customer = accounts.withBalance(0);
        var key = "top-up-" + UUID.randomUUID();
        var first = deposit(customer, "{\"amountCents\":700}", key)
                .expectStatus()
                .isCreated()
                .expectBody(Deposited.class)
                .returnResult()
                .getResponseBody();

        var again = deposit(customer, "{\"amountCents\":700}", key)
                .expectStatus()
                .isCreated()
                .expectBody(Deposited.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(first.depositId()).isEqualTo(key);
        assertThat(accounts.moneyOf(customer).balanceCents()).isEqualTo(700);
        assertThat(PAYMENT_EVENTS.awaitExactly(customer, 1, Duration.ofMillis(500)))
                .hasSize(1);
    }

    @Test
    void shouldRefuseAKeyReusedForAnotherAmountAndChangeNothing() {
        var customer = accounts.withBalance(0);
        var key = "top-up-" + UUID.randomUUID();
        deposit(customer, "{\"amountCents\":700}", key).expectStatus().isCreated();

        expectProblem(
                        deposit(customer, "{\"amountCents\":800}", key),
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused")
                .jsonPath("$.idempotencyKey")
                .isEqualTo(key);

        assertThat(accounts.moneyOf(customer).balanceCents()).isEqualTo(700);
        assertThat(depositedCents(customer)).isEqualTo(700);
    }

    @Test
    void shouldRefuseAnAmountThatIsMissingNotPositiveOrTooLargeAndChangeNothing() {
        var customer = accounts.withBalance(500);
        for (var body :
                new String[] {"{}", "{\"amountCents\":0}", "{\"amountCents\":-5}", "{\"amountCents\":1000000000001}"}) {
            expectProblem(deposit(customer, body, null), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-amount")
                    .jsonPath("$.field")
                    .isEqualTo("amountCents");
        }
        expectProblem(deposit(customer, "{\"amountCents\":1}", " "), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.field")
                .isEqualTo("Idempotency-Key");

        assertThat(accounts.moneyOf(customer).balanceCents()).isEqualTo(500);
        assertThat(depositedCents(customer)).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCustomer() {
        expectProblem(
                deposit("nobody-" + UUID.randomUUID(), "{\"amountCents\":1}", null),
                HttpStatus.NOT_FOUND,
                "account-not-found");
    }

    private RestTestClient.ResponseSpec deposit(String customerId, String body, String key) {
        return SupplyRequests.post(client, "/api/accounts/{customerId}/deposits", customerId, body, key);
    }

    private long depositedCents(String customerId) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from deposit where customer_id = ?")
                .param(customerId)
                .query(Long.class)
                .single();
    }
}
