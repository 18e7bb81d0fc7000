package dev.txsuite.inventory.stock;

import static dev.txsuite.inventory.stock.InventoryBranches.line;
import static dev.txsuite.inventory.stock.InventoryBranches.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.inventory.stock.InventoryBranches.VoteAnswer;
import dev.txsuite.inventory.stock.TestProducts.Stock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@InventoryServiceTest
class ConcurrentPrepareTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldNeverReserveMoreThanIsOnHandWhenTransactionsPrepareAtOnce() throws Exception {
        var products = new TestProducts(jdbc);
        var branches = new InventoryBranches(client);
        var sku = products.withStock(5);
        var start = new CountDownLatch(1);

        List<String> votes;
        try (var executor = Executors.newFixedThreadPool(10)) {
            var prepares = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitQuietly(start);
                                return branches.prepare(newTxId(), List.of(line(sku, 1)))
                                        .expectStatus()
                                        .isOk()
                                        .expectBody(VoteAnswer.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .vote();
                            },
                            executor))
                    .toList();
            start.countDown();
            votes = prepares.stream().map(CompletableFuture::join).toList();
        }

        assertThat(votes).filteredOn("YES"::equals).hasSize(5);
        assertThat(votes).filteredOn("NO"::equals).hasSize(5);
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(5, 5));
        assertThat(jdbc.sql("select count(*) from reservation where sku = ? and state = 'RESERVED'")
                        .param(sku)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
