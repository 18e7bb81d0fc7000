package dev.txsuite.baseline.order;

import dev.txsuite.baseline.account.Account;
import dev.txsuite.baseline.stock.Product;
import dev.txsuite.contract.account.PaymentEvent;
import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.stock.StockEvent;
import dev.txsuite.events.SuiteEvent;
import java.time.Instant;

/**
 * The events of an order written in the baseline's one local transaction: the types and bodies the services
 * publish, but fewer of them. A confirmed order publishes {@code order.placed} and {@code order.confirmed} (both
 * with status CONFIRMED: it never was PENDING), per sku {@code stock.taken} and {@code stock.changed}, and {@code
 * payment.captured}; a rejected one only {@code order.rejected}. Nothing is ever reserved or held, so never {@code
 * stock.reserved}, {@code stock.released}, {@code payment.held} or {@code payment.released}. Every {@code txId} is
 * the id of that local database transaction.
 */
final class LocalTransactionEvents {

    private LocalTransactionEvents() {}

    static OrderEvent orderEvent(String type, PricedOrder order, String txId, OrderStatus status, String reason) {
        return new OrderEvent(
                SuiteEvent.newEventId(),
                type,
                order.orderId().toString(),
                txId,
                order.customerId(),
                status,
                order.totalCents(),
                order.currency(),
                reason,
                Instant.now());
    }

    /** @param product the product after the change */
    static StockEvent stockEvent(String type, Product product, String orderId, String txId, int quantity) {
        return new StockEvent(
                SuiteEvent.newEventId(),
                type,
                product.sku(),
                orderId,
                txId,
                quantity,
                product.onHand(),
                product.reserved(),
                Instant.now());
    }

    /** @param account the account after the change */
    static PaymentEvent paymentEvent(String type, Account account, String orderId, String txId, long amountCents) {
        return new PaymentEvent(
                SuiteEvent.newEventId(),
                type,
                account.customerId(),
                orderId,
                txId,
                amountCents,
                account.currency(),
                account.balanceCents(),
                account.heldCents(),
                Instant.now());
    }
}
