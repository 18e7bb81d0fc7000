package dev.txsuite.inventory.stock;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Products made for one test, with skus no other test uses, and a look at their stock in the database. */
public record TestProducts(JdbcClient jdbc) {

    record Stock(int onHand, int reserved) {}

    record ReservationRow(String sku, String orderId, int quantity, String state) {}

    /** Inserts a product with {@code onHand} units, none reserved, and returns its sku. */
    String withStock(int onHand) {
        var sku = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("insert into product (sku, name, price_cents, currency, on_hand, reserved)"
                        + " values (?, ?, 1000, 'USD', ?, 0)")
                .params(sku, "Test product " + sku, onHand)
                .update();
        return sku;
    }

    Stock stockOf(String sku) {
        return jdbc.sql("select on_hand, reserved from product where sku = ?")
                .param(sku)
                .query(Stock.class)
                .single();
    }

    List<ReservationRow> reservationsOf(String txId) {
        return jdbc.sql("select sku, order_id, quantity, state from reservation where tx_id = ? order by sku")
                .param(txId)
                .query(ReservationRow.class)
                .list();
    }
}
