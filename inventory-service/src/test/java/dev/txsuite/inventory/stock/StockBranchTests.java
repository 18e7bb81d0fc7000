package dev.txsuite.inventory.stock;

import static dev.txsuite.inventory.stock.InventoryBranches.line;
import static dev.txsuite.inventory.stock.InventoryBranches.newTxId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.inventory.stock.TestProducts.LogRow;
import dev.txsuite.inventory.stock.TestProducts.ReservationRow;
import dev.txsuite.inventory.stock.TestProducts.Stock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@InventoryServiceTest
class StockBranchTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    InventoryBranches branches;
    TestProducts products;

    @BeforeEach
    void setUp() {
        branches = new InventoryBranches(client);
        products = new TestProducts(jdbc);
    }

    @Test
    void shouldReserveStockAndRecordTheYesVoteOnPrepare() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.prepare(txId, List.of(line(sku, 3)))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"inventory","vote":"YES","reason":null}""".formatted(txId));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(products.reservationsOf(txId))
                .containsExactly(new ReservationRow(sku, "order-of-" + txId, 3, "RESERVED"));
        assertThat(products.logOf(txId)).contains(new LogRow("PREPARED", "YES", null, null, 1));
    }

    @Test
    void shouldAddUpLinesOfTheSameSku() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.prepare(txId, List.of(line(sku, 2), line(sku, 3)))
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("YES");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 5));
        assertThat(products.reservationsOf(txId))
                .extracting(ReservationRow::quantity)
                .containsExactly(5);
    }

    @Test
    void shouldAnswerTheRecordedVoteAndReserveNothingMoreWhenPrepareIsRepeated() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, List.of(line(sku, 3))).expectStatus().isOk();

        branches.prepare(txId, List.of(line(sku, 3)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("YES");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(products.reservationsOf(txId)).hasSize(1);
    }

    @Test
    void shouldVoteNoOutOfStockAndChangeNothingWhenOneLineIsShort() {
        var plenty = products.withStock(10);
        var scarce = products.withStock(1);
        var txId = newTxId();

        branches.prepare(txId, List.of(line(plenty, 2), line(scarce, 2)))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"inventory","vote":"NO","reason":"OUT_OF_STOCK"}""".formatted(txId));

        assertThat(products.stockOf(plenty)).isEqualTo(new Stock(10, 0));
        assertThat(products.stockOf(scarce)).isEqualTo(new Stock(1, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
        assertThat(products.logOf(txId)).contains(new LogRow("ABORTED", "NO", "OUT_OF_STOCK", "OUT_OF_STOCK", 1));
    }

    @Test
    void shouldVoteNoUnknownSkuAndChangeNothing() {
        var known = products.withStock(10);
        var txId = newTxId();

        branches.prepare(txId, List.of(line(known, 1), line("NO-SUCH-SKU", 1)))
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("UNKNOWN_SKU");

        assertThat(products.stockOf(known)).isEqualTo(new Stock(10, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
    }

    @Test
    void shouldTakeTheReservedStockOnCommitAndAcknowledgeARepeatedCommit() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, List.of(line(sku, 3))).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk().expectBody().json("""
                {"txId":"%s","participant":"inventory","state":"COMMITTED"}""".formatted(txId));
        branches.commit(txId).expectStatus().isOk();

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(7, 0));
        assertThat(products.reservationsOf(txId))
                .extracting(ReservationRow::state)
                .containsExactly("TAKEN");
        assertThat(products.logOf(txId)).map(LogRow::state).contains("COMMITTED");
    }

    @Test
    void shouldReleaseTheReservationOnAbort() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, List.of(line(sku, 3))).expectStatus().isOk();

        branches.abort(txId, 1, "INSUFFICIENT_FUNDS")
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"txId":"%s","participant":"inventory","state":"ABORTED"}""".formatted(txId));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
        assertThat(products.reservationsOf(txId))
                .extracting(ReservationRow::state)
                .containsExactly("RELEASED");
        assertThat(products.logOf(txId)).contains(new LogRow("ABORTED", "YES", null, "INSUFFICIENT_FUNDS", 1));
    }

    @Test
    void shouldLeaveATombstoneSoThatALatePrepareVotesNo() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.abort(txId, 1, "VOTE_TIMEOUT").expectStatus().isOk();
        assertThat(products.logOf(txId)).contains(new LogRow("ABORTED", null, null, "VOTE_TIMEOUT", 1));

        branches.prepare(txId, List.of(line(sku, 3)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("NO")
                .jsonPath("$.reason")
                .isEqualTo("ALREADY_ABORTED");
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitForAnUnknownTransaction() {
        var txId = newTxId();

        branches.commit(txId)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/unknown-transaction")
                .jsonPath("$.txId")
                .isEqualTo(txId);

        assertThat(products.logOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitAfterAbort() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, List.of(line(sku, 3))).expectStatus().isOk();
        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        branches.commit(txId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/branch-conflict");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void shouldRefuseAMessageFromAnOlderEpoch() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, 2, List.of(line(sku, 3))).expectStatus().isOk();

        branches.abort(txId, 1, "VOTE_TIMEOUT")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/stale-epoch");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(products.logOf(txId)).map(LogRow::state).contains("PREPARED");
    }

    @Test
    void shouldRejectAPrepareWithoutPayloadOrWithAMalformedOne() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.post(txId, "prepare", Map.of("epoch", 1, "protocol", "2PC"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        branches.prepare(txId, List.of(line(sku, -1))).expectStatus().isBadRequest();
        branches.post(txId, "prepare", Map.of("epoch", 1, "payload", Map.of("orderId", "o-1")))
                .expectStatus()
                .isBadRequest();
        branches.post(txId, "commit", "{not json").expectStatus().isBadRequest();

        assertThat(products.logOf(txId)).isEmpty();
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void shouldDescribeAKnownBranchAndAnswer404ForAnUnknownOne() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, List.of(line(sku, 3))).expectStatus().isOk();

        client.get()
                .uri("/tx/branches/{txId}", txId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"txId":"%s","participant":"inventory","state":"PREPARED","vote":"YES","reason":null,"epoch":1}""".formatted(txId));
        client.get()
                .uri("/tx/branches/{txId}", newTxId())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/unknown-transaction");
    }
}
