package dev.txsuite.order.order;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.testing.PlaceOrderValidationContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A request that cannot become an order is answered 400 or 422 naming the field, and leaves no trace. */
class PlaceOrderValidationTests extends RunningOrderService implements PlaceOrderValidationContract {

    private long ordersBefore;
    private long keysBefore;

    @Override
    public RestTestClient client() {
        return client;
    }

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

    @Test
    void shouldRefuseProductsInAnotherCurrencyThanTheCustomers() {
        var response = placeOrder("""
                {"customerId":"alice","items":[{"sku":"MUG-CERAMIC","quantity":1},{"sku":"EURO-MUG","quantity":1}]}""", uniqueKey());

        expectProblem(response, HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch")
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("items[1].sku"));
    }
}
