package dev.txsuite.baseline;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Products and customers made for one test, with ids no other test uses, and a look at the database. */
public record TestShop(JdbcClient jdbc) {

    public static final long PRICE_CENTS = 1000;

    /** Inserts a product priced {@link #PRICE_CENTS} USD with {@code onHand} units and returns its sku. */
    public String productWithStock(int onHand) {
        var sku = "TEST-" + shortId();
        jdbc.sql("insert into product (sku, name, price_cents, currency, on_hand, reserved)"
                        + " values (?, ?, ?, 'USD', ?, 0)")
                .params(sku, "Test product " + sku, PRICE_CENTS, onHand)
                .update();
        return sku;
    }

    /** Inserts a customer paying in USD with {@code balanceCents} and returns the customer id. */
    public String customerWithBalance(long balanceCents) {
        var customerId = "customer-" + shortId();
        jdbc.sql("insert into account (customer_id, name, currency, balance_cents, held_cents)"
                        + " values (?, ?, 'USD', ?, 0)")
                .params(customerId, "Test customer " + customerId, balanceCents)
                .update();
        return customerId;
    }

    public int onHandOf(String sku) {
        return jdbc.sql("select on_hand from product where sku = ?")
                .param(sku)
                .query(Integer.class)
                .single();
    }

    public long balanceOf(String customerId) {
        return jdbc.sql("select balance_cents from account where customer_id = ?")
                .param(customerId)
                .query(Long.class)
                .single();
    }

    /** The status and reason of the order's row, or null when there is none. */
    public OrderRow orderRow(String orderId) {
        return jdbc.sql("select status, reason from orders where order_id = ?::uuid")
                .param(orderId)
                .query(OrderRow.class)
                .optional()
                .orElse(null);
    }

    public record OrderRow(String status, String reason) {}

    public long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
