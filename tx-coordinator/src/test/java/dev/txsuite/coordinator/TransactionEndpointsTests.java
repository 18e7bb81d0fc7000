package dev.txsuite.coordinator;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

class TransactionEndpointsTests extends CoordinatorIntegrationTest {

    @Test
    void shouldRefuseAnUnknownParticipantAndRecordNothing() {
        var transaction = aTransaction().over("order", "shipping");

        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(transaction.body())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/unknown-participant")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("'shipping'"));

        assertThat(logRow(transaction.txId())).isEmpty();
        assertThat(ORDER.stepsReceived(transaction.txId())).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownProtocolAndRecordNothing() {
        var transaction = aTransaction().over("order").protocol("4PC");

        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(transaction.body())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/unknown-protocol")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("4PC", "2PC", "3PC"));

        assertThat(logRow(transaction.txId())).isEmpty();
        assertThat(ORDER.stepsReceived(transaction.txId())).isEmpty();
    }

    @Test
    void shouldNameTheInvalidFieldsOfABody() {
        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("protocol", "2PC", "branches", List.of()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/invalid-request")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("txId", "branches"));
    }

    @Test
    void shouldRefuseAnOrderIdLongerThanAnId() {
        var body = new LinkedHashMap<>(aTransaction().over("order").body());
        body.put("orderId", "o".repeat(129));

        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("orderId"));
        assertThat(logRow((String) body.get("txId"))).isEmpty();
    }

    @Test
    void shouldAnswerARepeatedBeginWithTheCurrentStateWithoutRunningItAgain() {
        var transaction = aTransaction().over("order", "payment");
        var first = begin(transaction);

        var repeated = begin(transaction);

        assertThat(repeated).isEqualTo(first);
        assertThat(repeated.state()).isEqualTo("COMMITTED");
        assertThat(ORDER.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
    }

    @Test
    void shouldDescribeATransactionWithItsBranches() {
        // order's YES may arrive after inventory's NO decided the abort, so only the NO vote is sure to be logged
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory");
        begin(transaction);

        http.get()
                .uri("/api/transactions/{txId}", transaction.txId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.txId")
                .isEqualTo(transaction.txId())
                .jsonPath("$.protocol")
                .isEqualTo("2PC")
                .jsonPath("$.state")
                .isEqualTo("ABORTED")
                .jsonPath("$.decision")
                .isEqualTo("ABORT")
                .jsonPath("$.reason")
                .isEqualTo("OUT_OF_STOCK")
                .jsonPath("$.epoch")
                .isEqualTo(1)
                .jsonPath("$.owner")
                .isNotEmpty()
                .jsonPath("$.createdAt")
                .isNotEmpty()
                .jsonPath("$.ageMillis")
                .value(age -> assertThat(((Number) age).longValue()).isNotNegative())
                .jsonPath("$.branches[0].participant")
                .isEqualTo("order")
                .jsonPath("$.branches[0].acknowledged")
                .isEqualTo(true)
                .jsonPath("$.branches[1].participant")
                .isEqualTo("inventory")
                .jsonPath("$.branches[1].vote")
                .isEqualTo("NO")
                .jsonPath("$.branches[1].reason")
                .isEqualTo("OUT_OF_STOCK")
                .jsonPath("$.branches[1].acknowledged")
                .isEqualTo(false)
                .jsonPath("$.branches[1].preCommitted")
                .isEqualTo(false)
                .jsonPath("$.branches[1].conflict")
                .isEmpty();
    }

    @Test
    void shouldTellAParticipantInDoubtTheDecision() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory").protocol("3PC");
        begin(transaction);

        http.get()
                .uri("/tx/transactions/{txId}", transaction.txId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","protocol":"3PC","state":"ABORTED","decision":"ABORT","reason":"OUT_OF_STOCK",
                         "epoch":1}""".formatted(transaction.txId()), JsonCompareMode.STRICT);
    }

    @Test
    void shouldTellAParticipantInDoubtThatAnUndecidedTransactionIsUndecided() {
        var txId = aLoggedTransaction().preCommitting().votedYes("order").insertInto(jdbc);

        http.get()
                .uri("/tx/transactions/{txId}", txId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("PRE_COMMITTING")
                .jsonPath("$.protocol")
                .isEqualTo("3PC")
                .jsonPath("$.decision")
                .isEmpty();
    }

    @Test
    void shouldPresumeAnUnknownTransactionAbortedAndNeverRunItsBeginAfterwards() {
        var late = aTransaction().over("order", "payment").begunBy("order");

        http.get()
                .uri("/tx/transactions/{txId}", late.txId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ABORTED")
                .jsonPath("$.decision")
                .isEqualTo("ABORT")
                .jsonPath("$.reason")
                .isEqualTo("PRESUMED_ABORT");

        // the initiator's begin, overtaken by its own timer's question, comes at last: it is not run
        var outcome = begin(late);
        assertThat(outcome.decision()).isEqualTo("ABORT");
        assertThat(outcome.reason()).isEqualTo("PRESUMED_ABORT");
        assertThat(PAYMENT.received(late.txId())).isEmpty();
        assertThat(ORDER.received(late.txId())).isEmpty();
    }

    @Test
    void shouldPrepareEveryParticipantButTheInitiatorAndAnswerItTheDecision() {
        var transaction = aTransaction().over("order", "inventory", "payment").begunBy("order");

        var outcome = begin(transaction);

        assertThat(outcome.decision()).isEqualTo("COMMIT");
        assertThat(ORDER.received(transaction.txId())).isEmpty();
        assertThat(INVENTORY.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
        assertThat(PAYMENT.stepsReceived(transaction.txId())).containsExactly("prepare", "commit");
        // the initiator's vote came with the record; its acknowledgement with the answer
        assertThat(votesLogged(transaction.txId())).isEqualTo(3);
        assertThat(acknowledgements(transaction.txId())).containsOnly(true);
    }

    @Test
    void shouldRefuseAnInitiatorWithoutABranch() {
        var transaction = aTransaction().over("inventory", "payment").begunBy("order");

        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(transaction.body())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("the initiator 'order' has no branch"));
        assertThat(logRow(transaction.txId())).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownTransaction() {
        http.get()
                .uri("/api/transactions/{txId}", "never-begun-" + UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/transaction-not-found");
    }

    @Test
    void shouldListTheTransactionsInFlightOrInAState() {
        var inFlight =
                aLoggedTransaction().votedYes("order").notVoted("payment").insertInto(jdbc);
        var committed = aTransaction().over("order");
        begin(committed);

        http.get()
                .uri("/api/transactions?state=IN_FLIGHT")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.txId == '%s')].state".formatted(inFlight))
                .isEqualTo(List.of("PREPARING"))
                .jsonPath("$[?(@.txId == '%s')]".formatted(committed.txId()))
                .isEmpty();
        http.get()
                .uri("/api/transactions?state=COMMITTED")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.txId == '%s')].branches[0].acknowledged".formatted(committed.txId()))
                .isEqualTo(List.of(true))
                .jsonPath("$[?(@.txId == '%s')]".formatted(inFlight))
                .isEmpty();
    }

    @Test
    void shouldListThePreCommittingTransactionsWithTheirPreCommitAcknowledgements() {
        var preCommitting = aLoggedTransaction()
                .preCommitting()
                .preCommitted("order")
                .votedYes("payment")
                .insertInto(jdbc);

        for (var state : List.of("PRE_COMMITTING", "IN_FLIGHT")) {
            http.get()
                    .uri("/api/transactions?state={state}", state)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.txId == '%s')].state".formatted(preCommitting))
                    .isEqualTo(List.of("PRE_COMMITTING"))
                    .jsonPath("$[?(@.txId == '%s')].branches[*].preCommitted".formatted(preCommitting))
                    .isEqualTo(List.of(true, false));
        }
    }

    @Test
    void shouldRefuseAnUnknownStateFilter() {
        http.get()
                .uri("/api/transactions?state=HALF_DONE")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/invalid-state");
    }

    @Test
    void shouldRefuseALimitThatIsNotANumber() {
        http.get()
                .uri("/api/transactions?limit=many")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/invalid-request")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("limit"));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/malformed-request");
    }
}
