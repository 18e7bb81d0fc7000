package dev.txsuite.inventory.stock;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.contract.stock.Restocked;
import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.testing.RecordedEvent;
import dev.txsuite.testing.SupplyRequests;
import dev.txsuite.testing.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@InventoryServiceTest
class RestockTests {

    static final TopicRecorder INVENTORY_EVENTS = TopicRecorder.recording("inventory.events");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    TestProducts products;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopRecording() {
        INVENTORY_EVENTS.close();
    }

    @Test
    void shouldAddTheUnitsRecordTheRestockAndPublishIt() {
        var sku = products.withStock(3);

        var restocked = restock(sku, "{\"units\":500}", null)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/products/" + sku)
                .expectBody(Restocked.class)
                .returnResult()
                .getResponseBody();

        assertThat(restocked.units()).isEqualTo(500);
        assertThat(restocked.onHand()).isEqualTo(503);
        assertThat(restocked.available()).isEqualTo(503);
        assertThat(products.stockOf(sku)).isEqualTo(new TestProducts.Stock(503, 0));
        assertThat(restockedUnits(sku)).isEqualTo(500);
        var events = INVENTORY_EVENTS.awaitExactly(sku, 2, Duration.ofMillis(500));
        assertThat(events)
                .extracting(RecordedEvent::type)
                .containsExactlyInAnyOrder("dev.txsuite.stock.restocked.v1", "dev.txsuite.stock.changed.v1");
        var body = JSON.readTree(events.getFirst().value());
        assertThat(body.get("txId").asString()).isEqualTo(restocked.restockId());
        assertThat(body.get("quantity").asInt()).isEqualTo(500);
        assertThat(body.get("onHand").asInt()).isEqualTo(503);
    }

    @Test
    void shouldAnswerTheFirstRestockAgainForTheSameKeyAndAddNothing() {
        var sku = products.withStock(0);
        var key = "restock-" + UUID.randomUUID();
        var first = restock(sku, "{\"units\":40}", key)
                .expectStatus()
                .isCreated()
                .expectBody(Restocked.class)
                .returnResult()
                .getResponseBody();

        var again = restock(sku, "{\"units\":40}", key)
                .expectStatus()
                .isCreated()
                .expectBody(Restocked.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(first.restockId()).isEqualTo(key);
        assertThat(products.stockOf(sku).onHand()).isEqualTo(40);
        assertThat(INVENTORY_EVENTS.awaitExactly(sku, 2, Duration.ofMillis(500)))
                .hasSize(2);
    }

    @Test
    void shouldRefuseAKeyReusedForAnotherProductAndChangeNothing() {
        var sku = products.withStock(0);
        var other = products.withStock(0);
        var key = "restock-" + UUID.randomUUID();
        restock(sku, "{\"units\":40}", key).expectStatus().isCreated();

        expectProblem(restock(other, "{\"units\":40}", key), HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused")
                .jsonPath("$.idempotencyKey")
                .isEqualTo(key);

        assertThat(products.stockOf(other).onHand()).isZero();
        assertThat(restockedUnits(other)).isZero();
    }

    @Test
    void shouldRefuseUnitsThatAreMissingNotPositiveOrPastTheLimitAndChangeNothing() {
        var sku = products.withStock(2_000_000_000);
        for (var body :
                new String[] {"{}", "{\"units\":0}", "{\"units\":-1}", "{\"units\":1000000001}", "{\"units\":200000000}"
                }) {
            expectProblem(restock(sku, body, null), HttpStatus.UNPROCESSABLE_CONTENT, "invalid-amount")
                    .jsonPath("$.field")
                    .isEqualTo("units");
        }

        assertThat(products.stockOf(sku).onHand()).isEqualTo(2_000_000_000);
        assertThat(restockedUnits(sku)).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownSku() {
        expectProblem(restock("NO-SUCH-SKU", "{\"units\":1}", null), HttpStatus.NOT_FOUND, "product-not-found")
                .jsonPath("$.sku")
                .isEqualTo("NO-SUCH-SKU");
    }

    private RestTestClient.ResponseSpec restock(String sku, String body, String key) {
        return SupplyRequests.post(client, "/api/products/{sku}/restocks", sku, body, key);
    }

    private long restockedUnits(String sku) {
        return jdbc.sql("select coalesce(sum(units), 0) from restock where sku = ?")
                .param(sku)
                .query(Long.class)
                .single();
    }
}
