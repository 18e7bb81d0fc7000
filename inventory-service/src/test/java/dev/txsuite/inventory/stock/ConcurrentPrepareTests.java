package dev.txsuite.inventory.stock;

import static dev.txsuite.inventory.stock.StockPayloads.line;
import static dev.txsuite.inventory.stock.StockPayloads.reserve;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.inventory.stock.TestProducts.Stock;
import dev.txsuite.testing.ConcurrentCalls;
import dev.txsuite.testing.ParticipantEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@InventoryServiceTest
class ConcurrentPrepareTests {

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestProducts products;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldNeverReserveMoreThanIsOnHandWhenTransactionsPrepareAtOnce() {
        var sku = products.withStock(5);

        var votes = ConcurrentCalls.atOnce(10, () -> {
            var txId = newTxId();
            return branches.answerTo(txId, reserve(txId, line(sku, 1))).vote();
        });

        assertThat(votes).filteredOn("YES"::equals).hasSize(5);
        assertThat(votes).filteredOn("NO"::equals).hasSize(5);
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(5, 5));
        assertThat(jdbc.sql("select count(*) from reservation where sku = ? and state = 'RESERVED'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }
}
