package dev.txsuite.coordinator.act;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.TxEventsRecordingTest;
import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.TransactionEvent;
import dev.txsuite.testing.RecordedEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * An operator's abort, retry and resolve: what each changes in the log, what the participants receive, how each is
 * recorded, and that a refused one changes nothing.
 */
class OperatorActionsTests extends TxEventsRecordingTest {

    @Autowired
    private CoordinatorProperties properties;

    @Test
    void shouldAbortATransactionWhoseParticipantHangsAndFenceOutItsRun() throws Exception {
        PAYMENT.neverAnswersPrepare();
        var transaction = aTransaction().over("order", "inventory", "payment").timeoutMillis(30_000);
        var txId = transaction.txId();
        var outcome = CompletableFuture.supplyAsync(() -> begin(transaction));
        await().atMost(Duration.ofSeconds(10)).until(() -> votesKnown(txId) == 2);

        action(txId, "abort", "alice", Map.of("note", "payment hangs"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.txId")
                .isEqualTo(txId)
                .jsonPath("$.decision")
                .isEqualTo("ABORT")
                .jsonPath("$.reason")
                .isEqualTo("OPERATOR_ABORT")
                .jsonPath("$.epoch")
                .isEqualTo(2)
                .jsonPath("$.owner")
                .isEqualTo(properties.instanceId());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logRow(txId))
                        .contains(new LogRow("ABORTED", "ABORT", "OPERATOR_ABORT", true, true)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
                assertThat(participant.received(txId))
                        .filteredOn(message -> message.step().equals("abort"))
                        .isNotEmpty()
                        .allSatisfy(message ->
                                assertThat(message.body().get("epoch").asLong()).isEqualTo(2));
            }
        });
        assertThat(ownership(txId).epoch()).isEqualTo(2);
        assertThat(actions(txId)).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("ABORT");
            assertThat(action.operator()).isEqualTo("alice");
            assertThat(action.note()).isEqualTo("payment hangs");
            assertThat(action.outcome()).isEqualTo("ACCEPTED");
            assertThat(action.refusalReason()).isNull();
            assertThat(action.at()).isNotNull();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(operatorActionEvents(txId))
                        .singleElement()
                        .satisfies(event -> {
                            var body = body(event);
                            assertThat(body.get("action").asString()).isEqualTo("ABORT");
                            assertThat(body.get("operator").asString()).isEqualTo("alice");
                            assertThat(body.get("note").asString()).isEqualTo("payment hangs");
                        }));
        assertThat(timelineTypes(txId)).contains("operator-action", "taken-over", "decided");

        // payment's vote comes at last: the run of epoch 1 is fenced out, logs nothing (the votes it held go with
        // it: only its decision would have written them) and sends nothing more
        PAYMENT.answersHeldPrepares();
        var answer = outcome.get(15, TimeUnit.SECONDS);
        assertThat(answer.decision()).isEqualTo("ABORT");
        assertThat(votesLogged(txId)).isZero();
        for (var participant : List.of(ORDER, INVENTORY, PAYMENT)) {
            assertThat(participant.stepsReceived(txId)).doesNotContain("commit");
        }
    }

    @Test
    void shouldRefuseToAbortACommittedTransactionAndChangeNothing() {
        var transaction = aTransaction().over("order", "payment");
        var txId = transaction.txId();
        begin(transaction);
        var before = logRow(txId);

        action(txId, "abort", "alice", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/action-refused")
                .jsonPath("$.reason")
                .isEqualTo("ALREADY_DECIDED")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail)
                        .startsWith("the transaction was decided COMMIT at ")
                        .endsWith("aborting it now would break atomicity"));

        assertThat(logRow(txId)).isEqualTo(before).contains(new LogRow("COMMITTED", "COMMIT", null, true, true));
        assertThat(ownership(txId).epoch()).isEqualTo(1);
        assertThat(actions(txId)).singleElement().satisfies(action -> {
            assertThat(action.outcome()).isEqualTo("REFUSED");
            assertThat(action.refusalReason()).isEqualTo("ALREADY_DECIDED");
            assertThat(action.operator()).isEqualTo("alice");
        });
        assertThat(timelineTypes(txId)).doesNotContain("operator-action");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(operatorActionEvents(txId)).isEmpty());
        assertThat(ORDER.stepsReceived(txId)).containsExactly("prepare", "commit");
    }

    @Test
    void shouldRefuseToAbortOncePreCommitWasSent() {
        var txId = aLoggedTransaction()
                .preCommitting()
                .preCommitted("order")
                .votedYes("payment")
                .insertInto(jdbc);

        refused(txId, "abort", Map.of(), "PRE_COMMIT_SENT", "PRE-COMMIT was sent");

        assertThat(logRow(txId)).contains(new LogRow("PRE_COMMITTING", null, null, false, false));
    }

    @Test
    void shouldRefuseToAbortATransactionThatAborted() {
        INVENTORY.votesNo("OUT_OF_STOCK");
        var transaction = aTransaction().over("order", "inventory");
        begin(transaction);

        refused(transaction.txId(), "abort", Map.of(), "ALREADY_ENDED", "already ended ABORTED");
    }

    @Test
    void shouldSendTheDecisionNowWhenAnOperatorRetries() {
        // decided by a live instance, whose retries would not reach payment for ten more minutes
        var txId = aLoggedTransaction()
                .committing()
                .acknowledged("order")
                .votedYes("payment")
                .insertInto(jdbc);

        action(txId, "retry", "bob", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.owner")
                .isEqualTo(properties.instanceId())
                .jsonPath("$.epoch")
                .isEqualTo(2);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(logRow(txId)).contains(new LogRow("COMMITTED", "COMMIT", null, true, true)));
        assertThat(PAYMENT.received(txId)).singleElement().satisfies(message -> {
            assertThat(message.step()).isEqualTo("commit");
            assertThat(message.body().get("epoch").asLong()).isEqualTo(2);
        });
        assertThat(ORDER.received(txId)).isEmpty();
        assertThat(actions(txId))
                .singleElement()
                .extracting(OperatorAction::action, OperatorAction::operator, OperatorAction::outcome)
                .containsExactly("RETRY", "bob", "ACCEPTED");
    }

    @Test
    void shouldRefuseToRetryATransactionWithoutADecisionToSend() {
        var undecided = aLoggedTransaction().votedYes("order").insertInto(jdbc);
        var ended = aTransaction().over("order");
        begin(ended);

        refused(undecided, "retry", Map.of(), "NOT_DECIDED", "not decided yet (PREPARING)");
        refused(ended.txId(), "retry", Map.of(), "ALREADY_ENDED", "already ended COMMITTED");
    }

    @Test
    void shouldRefuseToResolveAnUndecidedTransaction() {
        var txId = aLoggedTransaction().votedYes("order").insertInto(jdbc);

        refused(txId, "resolve", Map.of("note", "looked at it"), "NOT_DECIDED", "abort it first");

        assertThat(logRow(txId)).contains(new LogRow("PREPARING", null, null, false, false));
    }

    @Test
    void shouldEndAPhaseTwoThatCannotFinishWithTheOperatorsResolution() {
        PAYMENT.failsCommits(Integer.MAX_VALUE);
        var transaction = aTransaction().over("order", "payment");
        var txId = transaction.txId();
        begin(transaction);
        await().atMost(Duration.ofSeconds(10)).until(() -> commitsReceived(txId) > 3);

        action(txId, "resolve", "carol", Map.of("note", "payment captured by hand"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("COMMITTED")
                .jsonPath("$.resolution.by")
                .isEqualTo("carol")
                .jsonPath("$.resolution.note")
                .isEqualTo("payment captured by hand")
                .jsonPath("$.resolution.at")
                .isNotEmpty();

        assertThat(logRow(txId)).contains(new LogRow("COMMITTED", "COMMIT", null, true, true));
        assertThat(timelineTypes(txId)).containsSubsequence("operator-action", "completed");
        // a delivery under way may still make its attempts; no retry starts after the resolution
        var atResolution = commitsReceived(txId);
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> commitsReceived(txId) <= atResolution + 3);
        assertThat(actions(txId))
                .singleElement()
                .extracting(OperatorAction::action, OperatorAction::operator, OperatorAction::note)
                .containsExactly("RESOLVE", "carol", "payment captured by hand");
    }

    @Test
    void shouldResolveASplitOutcomeOnceAndShowTheResolution() {
        var txId = aLoggedTransaction()
                .threePhase()
                .createdAgo(Duration.ofSeconds(30))
                .committedAfter(Duration.ofSeconds(2))
                .acknowledged("order")
                .conflicted("payment", "ABORTED")
                .insertInto(jdbc);

        action(txId, "resolve", null, Map.of("note", "refunded and re-ordered"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("COMMITTED")
                .jsonPath("$.conflict")
                .isEqualTo(true)
                .jsonPath("$.resolution.by")
                .isEqualTo("local")
                .jsonPath("$.resolution.note")
                .isEqualTo("refunded and re-ordered");

        refused(txId, "resolve", Map.of("note", "again"), "NOTHING_TO_RESOLVE", "resolved already by local");
    }

    @Test
    void shouldRefuseToResolveAnEndedTransactionWithoutConflict() {
        var transaction = aTransaction().over("order");
        begin(transaction);

        refused(transaction.txId(), "resolve", Map.of("note", "why not"), "NOTHING_TO_RESOLVE", "every branch");
    }

    @Test
    void shouldRequireANoteToResolve() {
        var txId = aLoggedTransaction().committing().votedYes("order").insertInto(jdbc);

        for (var body : List.<Object>of(Map.of(), Map.of("note", " "), Map.of("note", "x".repeat(501)))) {
            http.post()
                    .uri("/api/transactions/{txId}/resolve", txId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://txsuite.dev/problems/invalid-request")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).startsWith("note"));
        }
        assertThat(actions(txId)).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForAnActionOnAnUnknownTransaction() {
        var unknown = "never-begun-" + UUID.randomUUID();
        for (var action : List.of("abort", "retry")) {
            action(unknown, action, null, Map.of())
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://txsuite.dev/problems/transaction-not-found");
        }
        assertThat(actions(unknown)).isEmpty();
    }

    private RestTestClient.ResponseSpec action(String txId, String action, String operator, Map<String, ?> body) {
        var request = http.post()
                .uri("/api/transactions/{txId}/{action}", txId, action)
                .contentType(MediaType.APPLICATION_JSON);
        if (operator != null) {
            request = request.header("X-Admin-User", operator);
        }
        return request.body(body).exchange();
    }

    private void refused(String txId, String action, Map<String, ?> body, String reason, String because) {
        action(txId, action, "alice", body)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/action-refused")
                .jsonPath("$.reason")
                .isEqualTo(reason)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(because));
        assertThat(actions(txId))
                .last()
                .extracting(OperatorAction::outcome, OperatorAction::refusalReason)
                .containsExactly("REFUSED", reason);
    }

    private List<RecordedEvent> operatorActionEvents(String txId) {
        return txEvents.recordsWithKey(txId, TransactionEvent.OperatorAction.TYPE);
    }

    private long commitsReceived(String txId) {
        return PAYMENT.stepsReceived(txId).stream().filter("commit"::equals).count();
    }

    private List<OperatorAction> actions(String txId) {
        return jdbc.sql("""
                        SELECT action, operator, note, outcome, refusal_reason, at
                        FROM operator_actions WHERE tx_id = :txId ORDER BY id""").param("txId", txId).query(OperatorAction.class).list();
    }

    /** An {@code operator_actions} row. */
    record OperatorAction(
            String action, String operator, String note, String outcome, String refusalReason, OffsetDateTime at) {}
}
