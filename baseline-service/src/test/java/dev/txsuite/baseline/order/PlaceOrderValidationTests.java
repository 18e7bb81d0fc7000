package dev.txsuite.baseline.order;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.baseline.TestShop;
import dev.txsuite.testing.PlaceOrderValidationContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A request that cannot become an order is answered 400 or 422 naming the field, as at order-service, and leaves
 * no trace: no order, no key, the stock and the money as they were.
 */
@BaselineServiceTest
class PlaceOrderValidationTests implements PlaceOrderValidationContract {

    private static final String SKU = "MUG-CERAMIC";
    private static final String CUSTOMER = "alice";

    @Autowired
    TestShop shop;

    @Autowired
    RestTestClient client;

    private long ordersBefore;
    private long keysBefore;
    private int stockBefore;
    private long balanceBefore;

    @Override
    public RestTestClient client() {
        return client;
    }

    @BeforeEach
    void rememberTheDatabase() {
        ordersBefore = shop.rows("orders");
        keysBefore = shop.rows("idempotency_key");
        stockBefore = shop.onHandOf(SKU);
        balanceBefore = shop.balanceOf(CUSTOMER);
    }

    @AfterEach
    void shouldHaveWrittenNothing() {
        assertThat(shop.rows("orders")).isEqualTo(ordersBefore);
        assertThat(shop.rows("idempotency_key")).isEqualTo(keysBefore);
        assertThat(shop.onHandOf(SKU)).isEqualTo(stockBefore);
        assertThat(shop.balanceOf(CUSTOMER)).isEqualTo(balanceBefore);
    }

    @Test
    void shouldAnswer404ForAnUnknownOrder() {
        expectProblem(
                client.get()
                        .uri("/api/orders/{id}", "00000000-0000-0000-0000-000000000000")
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "order-not-found");
    }
}
