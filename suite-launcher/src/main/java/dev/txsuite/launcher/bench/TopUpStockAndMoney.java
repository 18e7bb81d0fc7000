package dev.txsuite.launcher.bench;

import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.supply.Supplies;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Gives every product and every account far more than a bench can take, once, while nothing is in flight and
 * before the snapshot that conservation is checked against: the demo data alone (650 units in the plentiful skus,
 * dave's 5 dollars) would run out within the first steps and turn the figures into OUT_OF_STOCK answers. The suite
 * is supplied as an operator would, through the gateway's admin API (a restock per product, a deposit per
 * account); the baseline, which has no such API, directly in its database.
 */
final class TopUpStockAndMoney {

    /** Units of every product: a bench of a million orders leaves most of them. */
    static final int UNITS = 10_000_000;
    /** Ten billion dollars per account: a million orders of the dearest product take 0.13% of it. */
    static final long CENTS = 1_000_000_000_000L;

    private TopUpStockAndMoney() {}

    /** @return what the top-up through the admin API added */
    static String topUp(Supplies supplies) {
        var added = supplies.refill(sku -> UNITS, customer -> CENTS, 1);
        return "every product to " + UNITS + " units, every account to " + CENTS / 100 + " dollars (admin API: "
                + added.units() + " units restocked, " + added.cents() / 100 + " dollars deposited)";
    }

    /** @return how many products and accounts were topped up, in the database */
    static String topUp(DatabaseLogin products, DatabaseLogin accounts) {
        var productsTopped = update(products, "UPDATE product SET on_hand = ?", UNITS);
        var accountsTopped = update(accounts, "UPDATE account SET balance_cents = ?", CENTS);
        return productsTopped + " products to " + UNITS + " units, " + accountsTopped + " accounts to " + CENTS / 100
                + " dollars";
    }

    private static int update(DatabaseLogin database, String sql, long value) {
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot top up " + database.jdbcUrl() + " (" + sql + "): " + e, e);
        }
    }
}
