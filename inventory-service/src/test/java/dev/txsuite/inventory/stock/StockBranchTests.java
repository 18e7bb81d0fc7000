package dev.txsuite.inventory.stock;

import static dev.txsuite.inventory.stock.StockPayloads.line;
import static dev.txsuite.inventory.stock.StockPayloads.pricedLine;
import static dev.txsuite.inventory.stock.StockPayloads.reserve;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static dev.txsuite.testing.ParticipantEndpoints.orderIdOf;
import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.inventory.stock.TestProducts.ReservationRow;
import dev.txsuite.inventory.stock.TestProducts.Stock;
import dev.txsuite.testing.BranchLog;
import dev.txsuite.testing.BranchLog.LogRow;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantEndpoints.VoteAnswer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@InventoryServiceTest
class StockBranchTests {

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    TestProducts products;

    @Autowired
    BranchLog branchLog;

    @Test
    void shouldReserveStockAndRecordTheYesVoteOnPrepare() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.prepare(txId, reserve(txId, line(sku, 3)))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"inventory","vote":"YES","reason":null}""".formatted(txId));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(products.reservationsOf(txId))
                .containsExactly(new ReservationRow(sku, orderIdOf(txId), 3, "RESERVED"));
        assertThat(branchLog.of(txId)).contains(new LogRow("PREPARED", "YES", null, null, 1));
    }

    @Test
    void shouldAddUpLinesOfTheSameSku() {
        var sku = products.withStock(10);
        var txId = newTxId();

        assertThat(branches.answerTo(txId, reserve(txId, line(sku, 2), line(sku, 3))))
                .isEqualTo(new VoteAnswer(txId, "inventory", "YES", null));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 5));
        assertThat(products.reservationsOf(txId))
                .extracting(ReservationRow::quantity)
                .containsExactly(5);
    }

    @Test
    void shouldAnswerTheRecordedVoteAndReserveNothingMoreWhenPrepareIsRepeated() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();

        assertThat(branches.answerTo(txId, reserve(txId, line(sku, 3))))
                .isEqualTo(new VoteAnswer(txId, "inventory", "YES", null));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(products.reservationsOf(txId)).hasSize(1);
    }

    @Test
    void shouldVoteNoOutOfStockAndChangeNothingWhenOneLineIsShort() {
        var plenty = products.withStock(10);
        var scarce = products.withStock(1);
        var txId = newTxId();

        branches.prepare(txId, reserve(txId, line(plenty, 2), line(scarce, 2)))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"inventory","vote":"NO","reason":"OUT_OF_STOCK"}""".formatted(txId));

        assertThat(products.stockOf(plenty)).isEqualTo(new Stock(10, 0));
        assertThat(products.stockOf(scarce)).isEqualTo(new Stock(1, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
        assertThat(branchLog.of(txId)).contains(new LogRow("ABORTED", "NO", "OUT_OF_STOCK", "OUT_OF_STOCK", 1));
    }

    @Test
    void shouldVoteNoDeadlinePassedAndReserveNothingForAPrepareThatArrivesAfterItsVoteDeadline() {
        var sku = products.withStock(10);
        var late = newTxId();
        var inTime = newTxId();

        branches.post(
                        late,
                        "prepare",
                        Map.of(
                                "epoch", 1,
                                "payload", reserve(late, line(sku, 2)),
                                "voteBy", Instant.now().minusMillis(1).toString()))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"inventory","vote":"NO","reason":"DEADLINE_PASSED"}""".formatted(late));
        branches.post(
                        inTime,
                        "prepare",
                        Map.of(
                                "epoch", 1,
                                "payload", reserve(inTime, line(sku, 3)),
                                "voteBy", Instant.now().plusSeconds(30).toString()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.vote")
                .isEqualTo("YES");

        assertThat(products.reservationsOf(late)).isEmpty();
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(branchLog.of(late)).contains(new LogRow("ABORTED", "NO", "DEADLINE_PASSED", "DEADLINE_PASSED", 1));
    }

    @Test
    void shouldReserveALineAtTheProductsPriceAndVoteNoPriceChangedAtAnotherChangingNothing() {
        // every test product costs 1000 cents
        var sku = products.withStock(10);
        var atThePrice = newTxId();
        var atAnOldPrice = newTxId();

        assertThat(branches.answerTo(atThePrice, reserve(atThePrice, pricedLine(sku, 1, 1000))))
                .isEqualTo(new VoteAnswer(atThePrice, "inventory", "YES", null));
        assertThat(branches.answerTo(atAnOldPrice, reserve(atAnOldPrice, pricedLine(sku, 2, 900))))
                .isEqualTo(new VoteAnswer(atAnOldPrice, "inventory", "NO", "PRICE_CHANGED"));

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 1));
        assertThat(products.reservationsOf(atAnOldPrice)).isEmpty();
        assertThat(branchLog.of(atAnOldPrice))
                .contains(new LogRow("ABORTED", "NO", "PRICE_CHANGED", "PRICE_CHANGED", 1));
    }

    @Test
    void shouldVoteNoUnknownSkuAndChangeNothing() {
        var known = products.withStock(10);
        var txId = newTxId();

        assertThat(branches.answerTo(txId, reserve(txId, line(known, 1), line("NO-SUCH-SKU", 1))))
                .isEqualTo(new VoteAnswer(txId, "inventory", "NO", "UNKNOWN_SKU"));

        assertThat(products.stockOf(known)).isEqualTo(new Stock(10, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
    }

    @Test
    void shouldTakeTheReservedStockOnCommitAndAcknowledgeARepeatedCommit() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();

        branches.commit(txId).expectStatus().isOk().expectBody().json("""
                {"txId":"%s","participant":"inventory","state":"COMMITTED"}""".formatted(txId));
        branches.commit(txId).expectStatus().isOk();

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(7, 0));
        assertThat(products.reservationsOf(txId))
                .extracting(ReservationRow::state)
                .containsExactly("TAKEN");
        assertThat(branchLog.of(txId)).map(LogRow::state).contains("COMMITTED");
    }

    @Test
    void shouldReleaseTheReservationOnAbort() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();

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
        assertThat(branchLog.of(txId)).contains(new LogRow("ABORTED", "YES", null, "INSUFFICIENT_FUNDS", 1));
    }

    @Test
    void shouldLeaveATombstoneSoThatALatePrepareVotesNo() {
        var sku = products.withStock(10);
        var txId = newTxId();

        branches.abort(txId, 1, "VOTE_TIMEOUT").expectStatus().isOk();
        assertThat(branchLog.of(txId)).contains(new LogRow("ABORTED", null, null, "VOTE_TIMEOUT", 1));

        assertThat(branches.answerTo(txId, reserve(txId, line(sku, 3))))
                .isEqualTo(new VoteAnswer(txId, "inventory", "NO", "ALREADY_ABORTED"));
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
        assertThat(products.reservationsOf(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitForAnUnknownTransaction() {
        var txId = newTxId();

        expectProblem(branches.commit(txId), HttpStatus.NOT_FOUND, "unknown-transaction")
                .jsonPath("$.txId")
                .isEqualTo(txId);

        assertThat(branchLog.of(txId)).isEmpty();
    }

    @Test
    void shouldRefuseACommitAfterAbort() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();
        branches.abort(txId, 1, "OUT_OF_STOCK").expectStatus().isOk();

        expectProblem(branches.commit(txId), HttpStatus.CONFLICT, "branch-conflict");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void shouldRefuseAMessageFromAnOlderEpoch() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, 2, reserve(txId, line(sku, 3))).expectStatus().isOk();

        expectProblem(branches.abort(txId, 1, "VOTE_TIMEOUT"), HttpStatus.CONFLICT, "stale-epoch");

        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 3));
        assertThat(branchLog.of(txId)).map(LogRow::state).contains("PREPARED");
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
        branches.prepare(txId, reserve(txId, line(sku, -1))).expectStatus().isBadRequest();
        branches.post(txId, "prepare", Map.of("epoch", 1, "payload", Map.of("orderId", "o-1")))
                .expectStatus()
                .isBadRequest();
        branches.post(txId, "commit", "{not json").expectStatus().isBadRequest();

        assertThat(branchLog.of(txId)).isEmpty();
        assertThat(products.stockOf(sku)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void shouldDescribeAKnownBranchAndAnswer404ForAnUnknownOne() {
        var sku = products.withStock(10);
        var txId = newTxId();
        branches.prepare(txId, reserve(txId, line(sku, 3))).expectStatus().isOk();

        branches.describe(txId).expectStatus().isOk().expectBody().json("""
                {"txId":"%s","participant":"inventory","state":"PREPARED","vote":"YES","reason":null,"epoch":1}""".formatted(txId));
        expectProblem(branches.describe(newTxId()), HttpStatus.NOT_FOUND, "unknown-transaction");
    }
}
