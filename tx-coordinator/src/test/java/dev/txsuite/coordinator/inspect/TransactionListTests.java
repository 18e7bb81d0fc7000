package dev.txsuite.coordinator.inspect;

import static dev.txsuite.coordinator.LoggedTransactionBuilder.aLoggedTransaction;
import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/transactions}: every filter narrows the list to the transactions it names, and a value a filter
 * cannot take is a 400 naming the parameter. The log is shared with the other tests of this context, so each test
 * looks for its own transactions in the answer.
 */
class TransactionListTests extends CoordinatorIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** 2PC, PREPARING, just begun, over order and payment, for an order. */
    private String fresh2pc;

    private String freshOrderId;

    /** 3PC, PREPARING, begun two minutes ago with a minute to vote: in doubt for about a minute. */
    private String stuck3pc;

    /** 2PC, COMMITTED a second after it began, five seconds ago. */
    private String committed;

    @BeforeEach
    void logTransactions() {
        freshOrderId = "order-" + UUID.randomUUID();
        fresh2pc = aLoggedTransaction()
                .forOrder(freshOrderId)
                .votedYes("order")
                .notVoted("payment")
                .insertInto(jdbc);
        stuck3pc = aLoggedTransaction()
                .threePhase()
                .createdAgo(Duration.ofMinutes(2))
                .timeoutMillis(60_000)
                .votedYes("order")
                .notVoted("inventory")
                .insertInto(jdbc);
        committed = aLoggedTransaction()
                .createdAgo(Duration.ofSeconds(5))
                .committedAfter(Duration.ofSeconds(1))
                .acknowledged("order")
                .acknowledged("inventory")
                .acknowledged("payment")
                .insertInto(jdbc);
    }

    @Test
    void shouldListTheUnfinishedOnesOldestFirstByDefault() {
        var listed = ids(list(""));

        assertThat(listed).contains(stuck3pc, fresh2pc).doesNotContain(committed);
        assertThat(listed.indexOf(stuck3pc)).isLessThan(listed.indexOf(fresh2pc));
    }

    @Test
    void shouldListTheOnesInDoubtWithHowLongAndWhatTheyWaitFor() {
        var inDoubt = list("state=IN_DOUBT");

        assertThat(ids(inDoubt)).contains(stuck3pc).doesNotContain(fresh2pc, committed);
        var stuck = item(inDoubt, stuck3pc);
        assertThat(stuck.get("inDoubt").asBoolean()).isTrue();
        // deadline one minute, grace two seconds: in doubt since 58 s ago
        assertThat(stuck.get("inDoubtForMillis").asLong()).isBetween(50_000L, 70_000L);
        assertThat(stuck.get("waitingFor").asString()).isEqualTo("votes from inventory");
        var fresh = item(list("state=PREPARING"), fresh2pc);
        assertThat(fresh.get("inDoubt").asBoolean()).isFalse();
        assertThat(fresh.get("inDoubtForMillis").isNull()).isTrue();
        assertThat(fresh.get("waitingFor").asString()).isEqualTo("votes from payment");
    }

    @Test
    void shouldListTheFinishedOnesNewestFirstWithTheirDuration() {
        var finished = list("state=FINISHED");

        assertThat(ids(finished)).contains(committed).doesNotContain(fresh2pc, stuck3pc);
        var item = item(finished, committed);
        assertThat(item.get("state").asString()).isEqualTo("COMMITTED");
        assertThat(item.get("durationMillis").asLong()).isEqualTo(1000);
        assertThat(item.get("endedAt").isNull()).isFalse();
        assertThat(item.get("waitingFor").isNull()).isTrue();
        assertThat(item.get("inDoubt").asBoolean()).isFalse();
        var newer = aLoggedTransaction()
                .createdAgo(Duration.ofSeconds(1))
                .abortedAfter(Duration.ofMillis(500), "OUT_OF_STOCK")
                .insertInto(jdbc);
        var ordered = ids(list("state=FINISHED"));
        assertThat(ordered.indexOf(newer)).isLessThan(ordered.indexOf(committed));
    }

    @Test
    void shouldNarrowTheListToAProtocol() {
        assertThat(ids(list("protocol=3PC"))).contains(stuck3pc).doesNotContain(fresh2pc);
        assertThat(ids(list("protocol=2PC"))).contains(fresh2pc).doesNotContain(stuck3pc);
    }

    @Test
    void shouldNarrowTheListToTheTransactionsOfAParticipant() {
        assertThat(ids(list("participant=payment"))).contains(fresh2pc).doesNotContain(stuck3pc);
        assertThat(ids(list("participant=inventory"))).contains(stuck3pc).doesNotContain(fresh2pc);
    }

    @Test
    void shouldNarrowTheListToTheTransactionsOfACertainAge() {
        assertThat(ids(list("minAgeSeconds=60"))).contains(stuck3pc).doesNotContain(fresh2pc);
    }

    @Test
    void shouldFindATransactionByItsIdOrOrderIdOrAPrefixOfEither() {
        assertThat(ids(list("q=" + freshOrderId))).containsExactly(fresh2pc);
        assertThat(item(list("q=" + freshOrderId), fresh2pc).get("orderId").asString())
                .isEqualTo(freshOrderId);
        assertThat(ids(list("q=" + stuck3pc))).containsExactly(stuck3pc);
        assertThat(ids(list("state=FINISHED&q=" + committed))).containsExactly(committed);
        // eight characters and more are a prefix; "order-" plus four of the uuid is one
        assertThat(ids(list("q=" + freshOrderId.substring(0, 10)))).contains(fresh2pc);
        // shorter ones must match a whole id
        assertThat(ids(list("q=" + freshOrderId.substring(0, 7)))).isEmpty();
        // a search is not a pattern: _ and % match themselves only
        assertThat(ids(list("q=" + "order-%25%25%25"))).isEmpty();
    }

    @Test
    void shouldShowTheOrderIdTheInitiatorGave() {
        var transaction = aTransaction().over("order").forOrder("order-of-" + UUID.randomUUID());

        begin(transaction);

        http.get()
                .uri("/api/transactions/{txId}", transaction.txId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(transaction.body().get("orderId"));
    }

    @Test
    void shouldNameTheParameterWhoseValueIsInvalid() {
        assertInvalid("state=HALF_DONE", "state", "invalid-state");
        assertInvalid("protocol=4PC", "protocol", "invalid-request");
        assertInvalid("participant=shipping", "participant", "invalid-request");
        assertInvalid("minAgeSeconds=-1", "minAgeSeconds", "invalid-request");
        assertInvalid("limit=0", "limit", "invalid-request");
        assertInvalid("limit=1001", "limit", "invalid-request");
        assertInvalid("q=" + "x".repeat(129), "q", "invalid-request");
        http.get()
                .uri("/api/transactions?minAgeSeconds=old")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("minAgeSeconds"));
    }

    private void assertInvalid(String query, String parameter, String type) {
        http.get()
                .uri("/api/transactions?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/" + type)
                .jsonPath("$.parameter")
                .isEqualTo(parameter)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith(parameter + ": "));
    }

    private List<JsonNode> list(String query) {
        var body = http.get()
                .uri("/api/transactions?limit=1000&" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body).valueStream().toList();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("txId").asString()).toList();
    }

    private static JsonNode item(List<JsonNode> items, String txId) {
        return items.stream()
                .filter(item -> item.get("txId").asString().equals(txId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(txId + " is not listed"));
    }
}
