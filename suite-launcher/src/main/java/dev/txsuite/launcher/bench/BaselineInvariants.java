package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.verify.Invariants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What can be checked of the baseline (baseline-service's one database) after the bench, as {@code ./suite verify}
 * checks the suite: stock and money conserved, and every confirmed order charged the sum of its lines. The rest of
 * the suite's invariants has nothing to hold on to here: the baseline's one local transaction leaves no reservation,
 * hold, participant log or pending order behind, and its events are not read back.
 */
final class BaselineInvariants {

    private static final String UNITS_BY_SKU = """
            SELECT p.sku, p.on_hand + coalesce((SELECT sum(l.quantity) FROM order_line l
                                                JOIN orders o ON o.order_id = l.order_id
                                                WHERE l.sku = p.sku AND o.status = 'CONFIRMED'), 0)
            FROM product p""";
    private static final String CENTS_BY_CUSTOMER = """
            SELECT a.customer_id, a.balance_cents + coalesce((SELECT sum(o.total_cents) FROM orders o
                                                              WHERE o.customer_id = a.customer_id
                                                              AND o.status = 'CONFIRMED'), 0)
            FROM account a""";
    private static final String MISCHARGED_ORDERS = """
            SELECT o.order_id::text FROM orders o
            WHERE o.status = 'CONFIRMED'
            AND o.total_cents <> coalesce((SELECT sum(l.quantity * l.unit_price_cents) FROM order_line l
                                           WHERE l.order_id = o.order_id), -1)""";

    private final DatabaseLogin database;

    BaselineInvariants(DatabaseLogin database) {
        this.database = database;
    }

    /** Per sku the units on hand plus those sold, per customer the balance plus the money taken: what must stay. */
    Invariants.Snapshot snapshot() {
        return new Invariants.Snapshot(amounts(UNITS_BY_SKU), amounts(CENTS_BY_CUSTOMER));
    }

    List<String> violationsSince(Invariants.Snapshot start) {
        var now = snapshot();
        var violations = new ArrayList<String>();
        compare("stock of ", start.unitsBySku(), now.unitsBySku(), " units", violations);
        compare("money of ", start.centsByCustomer(), now.centsByCustomer(), " cents", violations);
        for (var orderId : column(MISCHARGED_ORDERS)) {
            violations.add("order " + orderId + " is CONFIRMED but its total is not the sum of its lines");
        }
        return violations;
    }

    private static void compare(
            String what, Map<String, Long> before, Map<String, Long> now, String unit, List<String> violations) {
        var keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (var key : keys) {
            var was = before.get(key);
            var is = now.get(key);
            if (!Objects.equals(was, is)) {
                violations.add(what + key + " in the baseline: " + was + unit + " at the start, " + is + unit
                        + " now (on hand or balance, plus what confirmed orders took)");
            }
        }
    }

    private Map<String, Long> amounts(String sql) {
        var amounts = new HashMap<String, Long>();
        try (var connection = connect();
                var statement = connection.prepareStatement(sql);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                amounts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the baseline's database: " + e.getMessage(), e);
        }
        return amounts;
    }

    private List<String> column(String sql) {
        var values = new ArrayList<String>();
        try (var connection = connect();
                var statement = connection.prepareStatement(sql);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the baseline's database: " + e.getMessage(), e);
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
