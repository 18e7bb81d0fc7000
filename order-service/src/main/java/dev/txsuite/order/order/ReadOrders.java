package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for the API. */
@Service
@Transactional(readOnly = true)
public class ReadOrders {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final OrderRepository orders;

    ReadOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** @throws OrderProblem (404) for an unknown order, or an id that is not an order id at all */
    public OrderView find(String orderId) {
        return parse(orderId)
                .flatMap(orders::findById)
                .map(Order::toView)
                .orElseThrow(() -> OrderProblem.orderNotFound(orderId));
    }

    /** A customer's orders, newest first; the page asked for, in that order whatever sort it names. */
    public Page<OrderView> ofCustomer(String customerId, Pageable page) {
        var newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST);
        return orders.findByCustomerId(customerId, newestFirst).map(Order::toView);
    }

    private static Optional<UUID> parse(String orderId) {
        try {
            return Optional.of(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
