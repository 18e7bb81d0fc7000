package dev.txsuite.order.order;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The global transaction of one order, as {@code POST /tx/transactions} takes it: one branch per participant with
 * the payload docs/architecture.md specifies for it, the order's id, which operators search the coordinator by, and
 * the initiator (the order participant, when this service prepared its own branch first), or null.
 */
record OrderTransaction(
        String txId, String orderId, String protocol, long timeoutMillis, List<Branch> branches, String initiator) {

    record Branch(String participant, Object payload) {}

    record InventoryPayload(String orderId, List<StockLine> lines) {}

    /** {@code unitPriceCents}: the price this order was priced at, which inventory checks against its own. */
    record StockLine(String sku, int quantity, long unitPriceCents) {}

    record PaymentPayload(String orderId, String customerId, long amountCents, String currency) {}

    static OrderTransaction of(String txId, String orderId, PricedOrder order, Duration voteTimeout) {
        return new OrderTransaction(
                txId,
                orderId,
                order.protocol().label(),
                voteTimeout.toMillis(),
                List.of(
                        new Branch(OrderBranch.PARTICIPANT, OrderPayload.of(orderId, order)),
                        new Branch("inventory", new InventoryPayload(orderId, stockLines(order))),
                        new Branch(
                                "payment",
                                new PaymentPayload(orderId, order.customerId(), order.totalCents(), order.currency()))),
                null);
    }

    /** The same transaction, begun by {@code participant}, whose branch is prepared: its vote is YES. */
    OrderTransaction begunBy(String participant) {
        return new OrderTransaction(txId, orderId, protocol, timeoutMillis, branches, participant);
    }

    /** One line per sku: inventory reserves each line against what is available, so a sku must not appear twice. */
    private static List<StockLine> stockLines(PricedOrder order) {
        var quantities = new LinkedHashMap<String, Integer>();
        var prices = new HashMap<String, Long>();
        order.items().forEach(item -> {
            quantities.merge(item.sku(), item.quantity(), Integer::sum);
            prices.put(item.sku(), item.unitPriceCents());
        });
        return quantities.entrySet().stream()
                .map(entry -> new StockLine(entry.getKey(), entry.getValue(), prices.get(entry.getKey())))
                .toList();
    }
}
