package dev.txsuite.contract.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

class OrderProblemTests {

    /** As Spring Boot configures its JsonMapper: a problem's properties at the top level. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    @Test
    void shouldWriteARejectionWithTheOrderItsTransactionAndTheReason() {
        var problem =
                OrderProblem.orderRejected("order-1", "tx-1", "OUT_OF_STOCK").toProblemDetail();

        assertThat(JSON.readTree(JSON.writeValueAsString(problem))).isEqualTo(JSON.readTree("""
                        {"type":"https://txsuite.dev/problems/order-rejected","title":"Order rejected","status":409,
                         "detail":"The order was rejected: OUT_OF_STOCK",
                         "orderId":"order-1","transactionId":"tx-1","reason":"OUT_OF_STOCK"}"""));
    }

    @Test
    void shouldListTheInvalidFieldsInTheDetailOnceEach() {
        var problem = OrderProblem.invalidRequest(List.of(
                new FieldError("items[0].quantity", "must not be null"),
                new FieldError("items[0].quantity", "must be at least 1"),
                new FieldError("customerId", "must not be blank")));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.toProblemDetail().getType()).hasToString("https://txsuite.dev/problems/invalid-request");
        assertThat(problem.getMessage()).isEqualTo("Invalid request: items[0].quantity, customerId");
    }
}
