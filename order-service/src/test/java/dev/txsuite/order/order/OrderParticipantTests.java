package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The order participant, driven through the protocol endpoints of tx-participant as the coordinator drives it. */
class OrderParticipantTests extends RunningOrderService {

    @Test
    void shouldRecordTheOrderPendingWhenPrepared() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();

        var vote = prepareAtOrderParticipant(txId, payload(orderId, "carol"));

        assertThat(vote.get("vote").asString()).isEqualTo("YES");
        assertThat(vote.get("participant").asString()).isEqualTo("order");
        assertThat(statusOfOrder(orderId)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from order_line where order_id = ?::uuid")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void shouldConfirmTheOrderOnCommit() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        prepareAtOrderParticipant(txId, payload(orderId, "carol"));

        var ack = sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");
        var repeated = sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");

        assertThat(ack.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(repeated.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(statusOfOrder(orderId)).isEqualTo("CONFIRMED");
    }

    @Test
    void shouldRejectTheOrderWithTheReasonOnAbort() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        prepareAtOrderParticipant(txId, payload(orderId, "carol"));

        var ack = sendToOrderParticipant(txId, "abort", "{\"epoch\":1,\"reason\":\"OUT_OF_STOCK\"}");

        assertThat(ack.get("state").asString()).isEqualTo("ABORTED");
        orderAsShown(orderId)
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.reason")
                .isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void shouldVoteNoForAnOrderIdAlreadyTakenByAnotherTransaction() {
        var orderId = UUID.randomUUID().toString();
        var firstTx = UUID.randomUUID().toString();
        prepareAtOrderParticipant(firstTx, payload(orderId, "carol"));

        var vote = prepareAtOrderParticipant(UUID.randomUUID().toString(), payload(orderId, "dave"));

        assertThat(vote.get("vote").asString()).isEqualTo("NO");
        assertThat(vote.get("reason").asString()).isEqualTo("DUPLICATE_ORDER");
        orderAsShown(orderId)
                .jsonPath("$.customerId")
                .isEqualTo("carol")
                .jsonPath("$.transactionId")
                .isEqualTo(firstTx);
    }

    @Test
    void shouldRecordNoOrderWhenTheAbortCameFirst() {
        var txId = UUID.randomUUID().toString();
        var orderId = UUID.randomUUID().toString();
        sendToOrderParticipant(txId, "abort", "{\"epoch\":1,\"reason\":\"VOTE_TIMEOUT\"}");

        var vote = prepareAtOrderParticipant(txId, payload(orderId, "carol"));

        assertThat(vote.get("vote").asString()).isEqualTo("NO");
        assertThat(statusOfOrder(orderId)).isNull();
    }

    @Test
    void shouldVoteNoForAnIncompleteOrder() {
        var txId = UUID.randomUUID().toString();

        var vote = prepareAtOrderParticipant(
                txId, JSON.readTree("{\"orderId\":\"not-a-uuid\",\"totalCents\":0,\"items\":[]}"));

        assertThat(vote.get("vote").asString()).isEqualTo("NO");
        assertThat(vote.get("reason").asString()).isEqualTo("INVALID_ORDER");
    }

    private static JsonNode payload(String orderId, String customerId) {
        return JSON.readTree("""
                {"orderId":"%s","customerId":"%s","protocol":"2PC","currency":"USD","totalCents":6300,"items":[
                  {"sku":"MUG-CERAMIC","name":"Ceramic mug","quantity":1,"unitPriceCents":1200,"lineTotalCents":1200},
                  {"sku":"KETTLE-ELECTRIC","name":"Electric kettle","quantity":1,"unitPriceCents":5100,"lineTotalCents":5100}]}""".formatted(orderId, customerId));
    }
}
