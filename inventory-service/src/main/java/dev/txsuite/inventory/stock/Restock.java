package dev.txsuite.inventory.stock;

import dev.txsuite.contract.stock.ProductNotFound;
import dev.txsuite.contract.stock.RestockRequest;
import dev.txsuite.contract.stock.Restocked;
import dev.txsuite.contract.stock.StockEvent;
import dev.txsuite.contract.supply.SupplyProblem;
import dev.txsuite.events.SuiteEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator adds units to a product: one local transaction that locks the product, records the restock, raises
 * {@code on_hand} and publishes {@code stock.restocked} and {@code stock.changed}. With an {@code Idempotency-Key}
 * the key is the restock's id: the same call again answers the first restock and adds nothing; the key with another
 * sku or number of units is refused.
 */
@Component
class Restock {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Restock(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @param idempotencyKey the client's key, or {@code null} for a restock of its own */
    @Transactional
    Restocked add(String sku, RestockRequest request, String idempotencyKey) {
        var units = SupplyProblem.positive(request.units(), "units", RestockRequest.MAX_UNITS);
        var onHand = jdbc.sql("SELECT on_hand FROM product WHERE sku = :sku FOR UPDATE")
                .param("sku", sku)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new ProductNotFound(sku));
        var restockId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        var earlier = find(restockId);
        if (earlier != null) {
            return sameAs(earlier, sku, units);
        }
        if (onHand + units > Integer.MAX_VALUE) {
            throw SupplyProblem.invalidAmount(
                    "units",
                    sku + " has " + onHand + " units on hand; adding " + units + " would pass the limit of "
                            + Integer.MAX_VALUE);
        }
        var restocked = jdbc.sql("""
                        WITH raised AS (
                            UPDATE product SET on_hand = on_hand + :units WHERE sku = :sku
                            RETURNING on_hand, reserved)
                        INSERT INTO restock (restock_id, sku, units, on_hand_after, reserved_after, created_at)
                        SELECT :restockId, :sku, :units, on_hand, reserved, now() FROM raised
                        RETURNING restock_id, sku, units, on_hand_after, reserved_after, created_at""")
                .param("units", (int) units)
                .param("sku", sku)
                .param("restockId", restockId)
                .query(Restock::restocked)
                .single();
        publish(StockEvent.RESTOCKED, restocked);
        publish(StockEvent.CHANGED, restocked);
        return restocked;
    }

    private Restocked find(String restockId) {
        return jdbc.sql("""
                        SELECT restock_id, sku, units, on_hand_after, reserved_after, created_at
                        FROM restock WHERE restock_id = :restockId""")
                .param("restockId", restockId)
                .query(Restock::restocked)
                .optional()
                .orElse(null);
    }

    private static Restocked sameAs(Restocked earlier, String sku, long units) {
        if (!earlier.sku().equals(sku) || earlier.units() != units) {
            throw SupplyProblem.keyReused(
                    earlier.restockId(),
                    "this Idempotency-Key already restocked " + earlier.units() + " units of " + earlier.sku()
                            + "; nothing was added");
        }
        return earlier;
    }

    private static Restocked restocked(ResultSet row, int number) throws SQLException {
        var onHand = row.getInt("on_hand_after");
        var reserved = row.getInt("reserved_after");
        return new Restocked(
                row.getString("restock_id"),
                row.getString("sku"),
                row.getInt("units"),
                onHand,
                reserved,
                onHand - reserved,
                row.getTimestamp("created_at").toInstant());
    }

    private void publish(String type, Restocked restocked) {
        events.publishEvent(new StockEvent(
                SuiteEvent.newEventId(),
                type,
                restocked.sku(),
                null,
                restocked.restockId(),
                (int) restocked.units(),
                restocked.onHand(),
                restocked.reserved(),
                restocked.restockedAt()));
    }
}
