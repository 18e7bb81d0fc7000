package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator's ABORT may overtake its PREPARE to the order participant, which then has no order row to
 * reject; and a 202 may be answered before the PREPARE arrived. The client must still find the order it was
 * told about: REJECTED after a 409, PENDING and then settled after a 202.
 */
class UnpreparedOrderTests extends RunningOrderService {

    @Autowired
    SettleUnpreparedOrders settleUnpreparedOrders;

    private static final String ONE_MUG = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""";

    @Test
    void shouldKeepARejectedOrderWhenTheAbortOvertookItsPrepare() {
        COORDINATOR.answer(request -> decided(txIdOf(request), "ABORT", "OUT_OF_STOCK"));

        var problem = body(placeOrder(ONE_MUG).expectStatus().isEqualTo(409), json -> json);

        var orderId = problem.get("orderId").asString();
        var txId = problem.get("transactionId").asString();
        orderAsShown(orderId)
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.reason")
                .isEqualTo("OUT_OF_STOCK");
        // the PREPARE that was overtaken arrives at last: the tombstone votes NO and the order stays rejected
        var latePayload =
                orderPayloadOf(JSON.readTree(COORDINATOR.received().getFirst().body()));
        var vote = prepareAtOrderParticipant(txId, latePayload);
        assertThat(vote.get("vote").asString()).isEqualTo("NO");
        assertThat(statusOfOrder(orderId)).isEqualTo("REJECTED");
        assertThat(rowsOf(txId)).isEqualTo(1);
    }

    @Test
    void shouldShowAPendingOrderAfter202AndRejectItOnceTheCoordinatorSaysItAborted() {
        COORDINATOR.answer(request -> request.method().equals("POST")
                ? undecided(txIdOf(request))
                : FakeService.Response.json(
                        """
                        {"txId":"%s","protocol":"2PC","state":"ABORTED","decision":"ABORT",\
                        "reason":"COORDINATOR_RECOVERY","epoch":1}""".formatted(request.path().substring(request.path().lastIndexOf('/') + 1))));

        var order = body(placeOrder(ONE_MUG).expectStatus().isAccepted(), json -> json);

        var orderId = order.get("orderId").asString();
        orderAsShown(orderId).jsonPath("$.status").isEqualTo("PENDING");
        // the job leaves an order alone for its first 2 s: the PREPARE may still be on its way
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    settleUnpreparedOrders.settle();
                    return "REJECTED".equals(statusOfOrder(orderId));
                });
        orderAsShown(orderId).jsonPath("$.reason").isEqualTo("COORDINATOR_RECOVERY");
    }

    @Test
    void shouldLetALatePrepareAdoptTheOrderHeldAfter202() {
        COORDINATOR.answer(request -> undecided(txIdOf(request)));

        var order = body(placeOrder(ONE_MUG).expectStatus().isAccepted(), json -> json);

        var txId = order.get("transactionId").asString();
        var payload =
                orderPayloadOf(JSON.readTree(COORDINATOR.received().getFirst().body()));
        assertThat(prepareAtOrderParticipant(txId, payload).get("vote").asString())
                .isEqualTo("YES");
        sendToOrderParticipant(txId, "commit", "{\"epoch\":1}");
        assertThat(statusOfOrder(order.get("orderId").asString())).isEqualTo("CONFIRMED");
    }

    private static FakeService.Response undecided(String txId) {
        return FakeService.Response.json(
                JSON.writeValueAsString(new CoordinatorAnswer(txId, "2PC", "PREPARING", null, null)));
    }

    private static String txIdOf(FakeService.Request request) {
        return JSON.readTree(request.body()).get("txId").asString();
    }

    private long rowsOf(String txId) {
        return jdbc.sql("select count(*) from orders where tx_id = ?")
                .param(txId)
                .query(Long.class)
                .single();
    }
}
