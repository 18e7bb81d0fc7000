package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.OrderItem;
import dev.txsuite.contract.order.OrderStatus;
import dev.txsuite.contract.order.OrderView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code orders} and {@code order_line} tables. */
@Repository
class Orders {

    private static final String ORDER_COLUMNS =
            "order_id, tx_id, customer_id, status, reason, protocol, total_cents, currency, created_at";

    private record Line(UUID orderId, String sku, String name, int quantity, long unitPriceCents) {

        OrderItem toItem() {
            return OrderItem.of(sku, name, quantity, unitPriceCents);
        }
    }

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the order and its lines, decided: CONFIRMED, or REJECTED with the reason.
     *
     * @return the id of the PostgreSQL transaction that writes it: the order's transaction id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String add(PricedOrder order, OrderStatus status, String reason) {
        var txId = jdbc.sql("""
                        insert into orders (order_id, tx_id, customer_id, status, reason, protocol, total_cents,
                                            currency, created_at, updated_at)
                        values (:orderId, pg_current_xact_id()::text, :customerId, :status, :reason, :protocol,
                                :totalCents, :currency, now(), now())
                        returning tx_id
                        """)
                .param("orderId", order.orderId())
                .param("customerId", order.customerId())
                .param("status", status.name())
                .param("reason", reason, Types.VARCHAR)
                .param("protocol", PlaceOrder.PROTOCOL)
                .param("totalCents", order.totalCents())
                .param("currency", order.currency())
                .query(String.class)
                .single();
        IntStream.range(0, order.items().size()).forEach(lineNo -> {
            var item = order.items().get(lineNo);
            jdbc.sql("""
                            insert into order_line (order_id, line_no, sku, name, quantity, unit_price_cents)
                            values (:orderId, :lineNo, :sku, :name, :quantity, :unitPriceCents)
                            """)
                    .param("orderId", order.orderId())
                    .param("lineNo", lineNo)
                    .param("sku", item.sku())
                    .param("name", item.name())
                    .param("quantity", item.quantity())
                    .param("unitPriceCents", item.unitPriceCents())
                    .update();
        });
        return txId;
    }

    Optional<OrderView> find(UUID orderId) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from orders where order_id = :orderId")
                .param("orderId", orderId)
                .query(Orders::withoutItems)
                .optional()
                .map(order -> withItems(List.of(order)).getFirst());
    }

    /** A customer's orders, newest first. */
    Page<OrderView> ofCustomer(String customerId, Pageable page) {
        var orders = jdbc.sql("select " + ORDER_COLUMNS + """
                         from orders where customer_id = :customerId
                        order by created_at desc, order_id desc limit :limit offset :offset
                        """)
                .param("customerId", customerId)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(Orders::withoutItems)
                .list();
        var total = jdbc.sql("select count(*) from orders where customer_id = :customerId")
                .param("customerId", customerId)
                .query(Long.class)
                .single();
        return new PageImpl<>(withItems(orders), page, total);
    }

    /** The orders with their lines, read in one query for all of them. */
    private List<OrderView> withItems(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderItem>> itemsByOrder = jdbc
                .sql("""
                        select order_id, sku, name, quantity, unit_price_cents from order_line
                        where order_id in (:orderIds) order by order_id, line_no
                        """)
                .param(
                        "orderIds",
                        orders.stream()
                                .map(order -> UUID.fromString(order.orderId()))
                                .toList())
                .query(Line.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Line::orderId, Collectors.mapping(Line::toItem, Collectors.toList())));
        return orders.stream()
                .map(order -> new OrderView(
                        order.orderId(),
                        order.status(),
                        order.transactionId(),
                        order.protocol(),
                        order.customerId(),
                        order.totalCents(),
                        order.currency(),
                        itemsByOrder.getOrDefault(UUID.fromString(order.orderId()), List.of()),
                        order.reason(),
                        order.createdAt()))
                .toList();
    }

    private static OrderView withoutItems(ResultSet row, int rowNumber) throws SQLException {
        return new OrderView(
                row.getString("order_id"),
                OrderStatus.valueOf(row.getString("status")),
                row.getString("tx_id"),
                row.getString("protocol"),
                row.getString("customer_id"),
                row.getLong("total_cents"),
                row.getString("currency"),
                List.of(),
                row.getString("reason"),
                row.getTimestamp("created_at").toInstant());
    }
}
