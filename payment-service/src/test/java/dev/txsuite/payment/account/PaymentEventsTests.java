package dev.txsuite.payment.account;

import static dev.txsuite.payment.account.PaymentPayloads.hold;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantEndpoints.VoteAnswer;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

@PaymentServiceTest
class PaymentEventsTests {

    static final TopicRecorder PAYMENT_EVENTS = TopicRecorder.recording("payment.events");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestAccounts accounts;

    @AfterAll
    static void stopRecording() {
        PAYMENT_EVENTS.close();
    }

    @Test
    void shouldPublishPaymentHeldKeyedByCustomerWithCloudEventsHeadersOnPrepare() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();

        branches.prepare(txId, hold(txId, customer, 3_000)).expectStatus().isOk();

        var held = awaitEvents(customer, 1).getFirst();
        assertThat(held.type()).isEqualTo("dev.txsuite.payment.held.v1");
        assertThat(held.headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "payment-service")
                .containsEntry("ce_subject", customer)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        var body = JSON.readTree(held.value());
        assertThat(body.get("eventId").asString()).isEqualTo(held.id());
        assertThat(body.get("txId").asString()).isEqualTo(txId);
        assertThat(body.get("amountCents").asLong()).isEqualTo(3_000);
        assertThat(body.get("balanceCents").asLong()).isEqualTo(10_000);
        assertThat(body.get("heldCents").asLong()).isEqualTo(3_000);
    }

    @Test
    void shouldPublishPaymentCapturedOnCommit() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, hold(txId, customer, 2_500)).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk();

        var events = awaitEvents(customer, 2);
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.payment.held.v1", "dev.txsuite.payment.captured.v1");
        var captured = events.stream()
                .filter(event -> event.type().equals("dev.txsuite.payment.captured.v1"))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(captured.value()).get("balanceCents").asLong()).isEqualTo(7_500);
    }

    @Test
    void shouldPublishPaymentReleasedOnAbort() {
        var customer = accounts.withBalance(10_000);
        var txId = newTxId();
        branches.prepare(txId, hold(txId, customer, 1_000)).expectStatus().isOk();

        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        assertThat(awaitEvents(customer, 2))
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.payment.held.v1", "dev.txsuite.payment.released.v1");
    }

    @Test
    void shouldPublishNothingForANoVote() {
        var customer = accounts.withBalance(1_000);
        var refused = newTxId();
        assertThat(branches.answerTo(refused, hold(refused, customer, 5_000)))
                .isEqualTo(new VoteAnswer(refused, "payment", "NO", "INSUFFICIENT_FUNDS"));

        // a later change of the same account is relayed after anything the NO vote could have published
        var later = newTxId();
        branches.prepare(later, hold(later, customer, 500)).expectStatus().isOk();

        assertThat(awaitEvents(customer, 1))
                .extracting(event -> JSON.readTree(event.value()).get("txId").asString())
                .doesNotContain(refused);
    }

    /** Waits for {@code count} events of the customer, then makes sure no more arrive. */
    private static List<RecordedEvent> awaitEvents(String customerId, int count) {
        return PAYMENT_EVENTS.awaitExactly(customerId, count, Duration.ofMillis(500));
    }
}
