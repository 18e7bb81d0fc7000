package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Under 3PC the coordinator sends CAN-COMMIT to the order participant too, and its ABORT may overtake it, which then
 * has no order row to reject; and a 202 may be answered before the CAN-COMMIT arrived. The client must still find the
 * order it was told about: REJECTED after a 409, PENDING and then settled after a 202. (Under 2PC order-service
 * prepares its own branch before the transaction begins: {@link PlaceOrderTests}.)
 */
class UnpreparedOrderTests extends RunningOrderService {

    @Autowired
    SettleUnpreparedOrders settleUnpreparedOrders;

    private static final String ONE_MUG = """
            {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}],"protocol":"3PC"}""";

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
        COORDINATOR.answer(RunningOrderService::undecidedUntilAskedThenAborted);

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
}
