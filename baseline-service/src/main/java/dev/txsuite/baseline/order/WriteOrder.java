package dev.txsuite.baseline.order;

import static dev.txsuite.baseline.order.LocalTransactionEvents.orderEvent;
import static dev.txsuite.baseline.order.LocalTransactionEvents.paymentEvent;
import static dev.txsuite.baseline.order.LocalTransactionEvents.stockEvent;

import dev.txsuite.baseline.account.Account;
import dev.txsuite.baseline.account.Accounts;
import dev.txsuite.baseline.stock.Product;
import dev.txsuite.baseline.stock.Products;
import dev.txsuite.contract.account.PaymentEvent;
import dev.txsuite.contract.order.OrderEvent;
import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.order.PlaceOrderCommand;
import dev.txsuite.contract.stock.StockEvent;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Everything an order does, inside the caller's one local transaction: the order row, the stock taken, the money
 * captured, and the events of all three through the outbox, so that all of it commits or none of it does.
 * What 2PC and 3PC spread over four databases and a coordinator.
 */
@Component
class WriteOrder {

    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

    private final Accounts accounts;
    private final Products products;
    private final Orders orders;
    private final OrderAnswers answers;
    private final ApplicationEventPublisher events;

    WriteOrder(
            Accounts accounts,
            Products products,
            Orders orders,
            OrderAnswers answers,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.products = products;
        this.orders = orders;
        this.answers = answers;
        this.events = events;
    }

    /**
     * Must run in a transaction, which the caller commits.
     *
     * @throws OrderProblem (422) for an unknown customer or sku, or a product in another currency: the caller's
     *     transaction must roll back, and nothing was written
     */
    OrderAnswer write(PlaceOrderCommand command) {
        // the rows are locked in one fixed order, the account, then the products by sku: orders never deadlock
        var account = accounts.lock(command.customerId())
                .orElseThrow(() -> OrderProblem.unknownCustomer(command.customerId()));
        var quantityBySku = quantityBySku(command);
        var locked = products.lockInSkuOrder(quantityBySku.keySet());
        var order = PricedOrder.price(command, account, locked);
        var refusal = refusal(quantityBySku, locked, order, account);
        if (refusal != null) {
            return reject(order, refusal);
        }
        return confirm(order, quantityBySku);
    }

    /** Stock is checked first: an order short of both is rejected OUT_OF_STOCK. Null when nothing is short. */
    private static String refusal(
            Map<String, Integer> quantityBySku, Map<String, Product> locked, PricedOrder order, Account account) {
        var shortOfStock = quantityBySku.entrySet().stream()
                .anyMatch(line -> locked.get(line.getKey()).available() < line.getValue());
        if (shortOfStock) {
            return OUT_OF_STOCK;
        }
        if (account.availableCents() < order.totalCents()) {
            return INSUFFICIENT_FUNDS;
        }
        return null;
    }

    private OrderAnswer reject(PricedOrder order, String reason) {
        var txId = orders.add(order, OrderStatus.REJECTED, reason);
        events.publishEvent(orderEvent(OrderEvent.REJECTED, order, txId, OrderStatus.REJECTED, reason));
        return answers.rejected(order, txId, reason);
    }

    private OrderAnswer confirm(PricedOrder order, Map<String, Integer> quantityBySku) {
        var orderId = order.orderId().toString();
        var txId = orders.add(order, OrderStatus.CONFIRMED, null);
        events.publishEvent(orderEvent(OrderEvent.PLACED, order, txId, OrderStatus.CONFIRMED, null));
        quantityBySku.forEach((sku, quantity) -> {
            var product = products.take(sku, quantity);
            events.publishEvent(stockEvent(StockEvent.TAKEN, product, orderId, txId, quantity));
            events.publishEvent(stockEvent(StockEvent.CHANGED, product, orderId, txId, quantity));
        });
        var account = accounts.capture(order.customerId(), order.totalCents());
        events.publishEvent(paymentEvent(PaymentEvent.CAPTURED, account, orderId, txId, order.totalCents()));
        events.publishEvent(orderEvent(OrderEvent.CONFIRMED, order, txId, OrderStatus.CONFIRMED, null));
        return answers.confirmed(order, txId);
    }

    /** The quantity per sku, lines of the same sku added up, in sku order: the order the rows are locked in. */
    private static Map<String, Integer> quantityBySku(PlaceOrderCommand command) {
        var quantities = new TreeMap<String, Integer>();
        command.items().forEach(line -> quantities.merge(line.sku(), line.quantity(), Math::addExact));
        return quantities;
    }
}
