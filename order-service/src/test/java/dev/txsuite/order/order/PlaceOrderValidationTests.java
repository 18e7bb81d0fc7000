package dev.txsuite.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A request that cannot become an order is answered 400 or 422 naming the field, and leaves no trace. */
class PlaceOrderValidationTests extends RunningOrderService {

    private long ordersBefore;
    private long keysBefore;

    @BeforeEach
    void countRows() {
        ordersBefore = rows("orders");
        keysBefore = rows("idempotency_key");
    }

    @AfterEach
    void shouldHaveWrittenNothingAndStartedNoTransaction() {
        assertThat(rows("orders")).isEqualTo(ordersBefore);
        assertThat(rows("idempotency_key")).isEqualTo(keysBefore);
        assertThat(COORDINATOR.received()).isEmpty();
    }

    static Stream<Arguments> invalidBodies() {
        var manyItems = "{\"sku\":\"MUG-CERAMIC\",\"quantity\":1},".repeat(51);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"customerId\":\"alice\",\"items\":[", "items"),
                Arguments.of("not JSON at all", "customerId=alice", "body"),
                Arguments.of("not an object", "[1,2]", "body"),
                Arguments.of("a number instead of JSON", "42", "body"),
                Arguments.of("wrongly typed quantity", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":"two"}]}""", "items[0].quantity"),
                Arguments.of("fractional quantity", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1},{"sku":"MUG-CERAMIC","quantity":1.5}]}""", "items[1].quantity"),
                Arguments.of("items not a list", """
                        {"customerId":"alice","items":"MUG-CERAMIC"}""", "items"),
                Arguments.of("customerId missing", """
                        {"items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", "customerId"),
                Arguments.of("customerId blank", """
                        {"customerId":"  ","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", "customerId"),
                Arguments.of("items missing", "{\"customerId\":\"alice\"}", "items"),
                Arguments.of("no items", "{\"customerId\":\"alice\",\"items\":[]}", "items"),
                Arguments.of(
                        "51 items",
                        "{\"customerId\":\"alice\",\"items\":[" + manyItems.substring(0, manyItems.length() - 1) + "]}",
                        "items"),
                Arguments.of("an item that is null", "{\"customerId\":\"alice\",\"items\":[null]}", "items[0]"),
                Arguments.of("sku blank", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1},{"sku":"","quantity":1}]}""", "items[1].sku"),
                Arguments.of("quantity missing", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC"}]}""", "items[0].quantity"),
                Arguments.of("quantity zero", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":0}]}""", "items[0].quantity"),
                Arguments.of("quantity above 1000", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1001}]}""", "items[0].quantity"),
                Arguments.of("unknown protocol", """
                        {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}],"protocol":"4PC"}""", "protocol"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void shouldAnswer400NamingTheField(String why, String body, String field) {
        var response = placeOrder(body, uniqueKey());

        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/invalid-request");
        assertThat(problem.get("detail").asString()).contains(field);
        assertThat(fieldsOf(problem)).contains(field);
    }

    @Test
    void shouldAnswer400WithoutABody() {
        var response = client.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", uniqueKey())
                .exchange();

        response.expectStatus().isBadRequest();
        assertThat(fieldsOf(body(response, json -> json))).containsExactly("body");
    }

    @Test
    void shouldAnswer400ForAnIdempotencyKeyThatIsTooLong() {
        var response = placeOrder("""
                {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", "k".repeat(256));

        response.expectStatus().isBadRequest();
        assertThat(fieldsOf(body(response, json -> json))).containsExactly("Idempotency-Key");
    }

    @Test
    void shouldNameEveryUnknownSku() {
        var response = placeOrder("""
                {"customerId":"alice","items":[{"sku":"NO-SUCH-THING","quantity":1},\
                {"sku":"MUG-CERAMIC","quantity":1},{"sku":"NOR-THIS","quantity":1}]}""", uniqueKey());

        response.expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/unknown-sku");
        assertThat(fieldsOf(problem)).containsExactly("items[0].sku", "items[2].sku");
    }

    @Test
    void shouldNameAnUnknownCustomer() {
        var response = placeOrder("""
                {"customerId":"mallory","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", uniqueKey());

        response.expectStatus().isEqualTo(422);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/unknown-customer");
        assertThat(fieldsOf(problem)).containsExactly("customerId");
    }

    @Test
    void shouldRefuseProductsInAnotherCurrencyThanTheCustomers() {
        var response = placeOrder("""
                {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1},{"sku":"EURO-MUG","quantity":1}]}""", uniqueKey());

        response.expectStatus().isEqualTo(422);
        var problem = body(response, json -> json);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/currency-mismatch");
        assertThat(fieldsOf(problem)).containsExactly("items[1].sku");
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
