package dev.txsuite.testing;

import static dev.txsuite.testing.OrderRequests.placeOrder;
import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * How {@code POST /api/orders} refuses a request that cannot become an order, wherever the order API is served
 * (order-service, and the baseline that must answer as it does): 400 naming the invalid field, 422 naming the
 * unknown sku or customer. Needs the customer {@code alice} and the product {@code MUG-CERAMIC}; the implementing
 * test class checks in an {@code @AfterEach} of its own that nothing was written.
 *
 * <p>An interface rather than a base class like {@link ProbesContract}: order-service's test classes already
 * extend the class that runs it among its stand-in neighbours.
 */
public interface PlaceOrderValidationContract {

    /** A client of the service under test. */
    RestTestClient client();

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
    @MethodSource("dev.txsuite.testing.PlaceOrderValidationContract#invalidBodies")
    default void shouldAnswer400NamingTheField(String why, String body, String field) {
        expectProblem(placeOrder(client(), body, uniqueKey()), HttpStatus.BAD_REQUEST, "invalid-request")
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains(field))
                .jsonPath("$.errors[*].field")
                .value(fields(), named -> assertThat(named).contains(field));
    }

    @Test
    default void shouldAnswer400WithoutABody() {
        var response = client().post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", uniqueKey())
                .exchange();

        expectFields(response, HttpStatus.BAD_REQUEST, "invalid-request", "body");
    }

    @Test
    default void shouldAnswer400ForAnIdempotencyKeyThatIsTooLong() {
        var response = placeOrder(client(), """
                {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", "k".repeat(256));

        expectFields(response, HttpStatus.BAD_REQUEST, "invalid-request", "Idempotency-Key");
    }

    @Test
    default void shouldNameEveryUnknownSku() {
        var response = placeOrder(client(), """
                {"customerId":"alice","items":[{"sku":"NO-SUCH-THING","quantity":1},\
                {"sku":"MUG-CERAMIC","quantity":1},{"sku":"NOR-THIS","quantity":1}]}""", uniqueKey());

        expectFields(response, HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "items[0].sku", "items[2].sku");
    }

    @Test
    default void shouldNameAnUnknownCustomer() {
        var response = placeOrder(client(), """
                {"customerId":"mallory","items":[{"sku":"MUG-CERAMIC","quantity":1}]}""", uniqueKey());

        expectFields(response, HttpStatus.UNPROCESSABLE_CONTENT, "unknown-customer", "customerId");
    }

    /** Expects a problem of type {@code slug} whose {@code errors} name exactly these fields, in this order. */
    private static void expectFields(
            RestTestClient.ResponseSpec response, HttpStatus status, String slug, String... fields) {
        expectProblem(response, status, slug)
                .jsonPath("$.errors[*].field")
                .value(fields(), named -> assertThat(named).containsExactly(fields));
    }

    /** The type of {@code $.errors[*].field}: the field of each entry of a problem's {@code errors}. */
    private static ParameterizedTypeReference<List<String>> fields() {
        return new ParameterizedTypeReference<>() {};
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }
}
