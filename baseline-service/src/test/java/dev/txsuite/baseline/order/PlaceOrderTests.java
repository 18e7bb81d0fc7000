package dev.txsuite.baseline.order;

import static dev.txsuite.baseline.OrderClient.json;
import static dev.txsuite.baseline.OrderClient.line;
import static dev.txsuite.baseline.OrderClient.order;
import static dev.txsuite.baseline.TestShop.PRICE_CENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.baseline.OrderClient;
import dev.txsuite.baseline.TestShop;
import dev.txsuite.baseline.TestShop.OrderRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** An order is written, its stock taken and its money captured in one local transaction, or it is REJECTED. */
@BaselineServiceTest
class PlaceOrderTests {

    @Autowired
    OrderClient orders;

    @Autowired
    TestShop shop;

    @Autowired
    RestTestClient client;

    @Test
    void shouldConfirmTheOrderTakeItsStockAndCaptureItsMoney() {
        var mugs = shop.productWithStock(10);
        var beans = shop.productWithStock(5);
        var customer = shop.customerWithBalance(100_000);

        var response = orders.place(order(customer, line(mugs, 2), line(beans, 1), line(mugs, 1)));

        response.expectStatus().isCreated().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        var placed = json(response);
        var orderId = placed.get("orderId").asString();
        response.expectHeader().location("/api/orders/" + orderId);
        assertThat(placed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placed.get("protocol").asString()).isEqualTo("LOCAL");
        assertThat(placed.get("transactionId").asString()).containsOnlyDigits();
        assertThat(placed.get("totalCents").asLong()).isEqualTo(4 * PRICE_CENTS);
        assertThat(placed.get("currency").asString()).isEqualTo("USD");
        assertThat(placed.get("items")).hasSize(3);
        assertThat(placed.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(2 * PRICE_CENTS);
        assertThat(shop.onHandOf(mugs)).isEqualTo(7);
        assertThat(shop.onHandOf(beans)).isEqualTo(4);
        assertThat(shop.balanceOf(customer)).isEqualTo(100_000 - 4 * PRICE_CENTS);
        assertThat(shop.orderRow(orderId)).isEqualTo(new OrderRow("CONFIRMED", null));
        client.get()
                .uri("/api/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CONFIRMED")
                .jsonPath("$.customerId")
                .isEqualTo(customer)
                .jsonPath("$.transactionId")
                .isEqualTo(placed.get("transactionId").asString())
                .jsonPath("$.protocol")
                .isEqualTo("LOCAL")
                .jsonPath("$.items.length()")
                .isEqualTo(3)
                .jsonPath("$.items[1].sku")
                .isEqualTo(beans)
                .jsonPath("$.createdAt")
                .isNotEmpty();
    }

    @Test
    void shouldRejectAnOrderShortOfStockAndLeaveStockAndMoneyAsTheyWere() {
        var scarce = shop.productWithStock(2);
        var plenty = shop.productWithStock(100);
        var customer = shop.customerWithBalance(100_000);

        var response = orders.place(order(customer, line(plenty, 1), line(scarce, 3)));

        var orderId = expectRejected(response, "OUT_OF_STOCK");
        assertThat(shop.orderRow(orderId)).isEqualTo(new OrderRow("REJECTED", "OUT_OF_STOCK"));
        assertThat(shop.onHandOf(scarce)).isEqualTo(2);
        assertThat(shop.onHandOf(plenty)).isEqualTo(100);
        assertThat(shop.balanceOf(customer)).isEqualTo(100_000);
    }

    @Test
    void shouldRejectAnOrderTheCustomerCannotPayAndLeaveStockAndMoneyAsTheyWere() {
        var sku = shop.productWithStock(10);
        var customer = shop.customerWithBalance(2 * PRICE_CENTS);

        var response = orders.place(order(customer, line(sku, 3)));

        var orderId = expectRejected(response, "INSUFFICIENT_FUNDS");
        assertThat(shop.orderRow(orderId)).isEqualTo(new OrderRow("REJECTED", "INSUFFICIENT_FUNDS"));
        assertThat(shop.onHandOf(sku)).isEqualTo(10);
        assertThat(shop.balanceOf(customer)).isEqualTo(2 * PRICE_CENTS);
    }

    @Test
    void shouldAnswerTheSameKeyAndBodyWithTheFirstAnswerAndOrderOnce() {
        var sku = shop.productWithStock(10);
        var customer = shop.customerWithBalance(100_000);
        var body = order(customer, line(sku, 2));

        var first = orders.place(body, "same-key-" + sku).expectStatus().isCreated();
        var firstBody = first.expectBody(String.class).returnResult().getResponseBody();
        var again = orders.place(body, "same-key-" + sku).expectStatus().isCreated();

        again.expectBody(String.class).isEqualTo(firstBody);
        again.expectHeader()
                .location("/api/orders/" + json(firstBody).get("orderId").asString());
        assertThat(shop.onHandOf(sku)).isEqualTo(8);
        assertThat(shop.balanceOf(customer)).isEqualTo(100_000 - 2 * PRICE_CENTS);
    }

    @Test
    void shouldAnswer422ForTheSameKeyWithAnotherBody() {
        var sku = shop.productWithStock(10);
        var customer = shop.customerWithBalance(100_000);
        orders.place(order(customer, line(sku, 1)), "reused-" + sku)
                .expectStatus()
                .isCreated();

        var response = orders.place(order(customer, line(sku, 2)), "reused-" + sku);

        response.expectStatus().isEqualTo(422);
        assertThat(json(response).get("type").asString())
                .isEqualTo("https://txsuite.dev/problems/idempotency-key-reused");
        assertThat(shop.onHandOf(sku)).isEqualTo(9);
    }

    @Test
    void shouldListACustomersOrdersNewestFirst() {
        var sku = shop.productWithStock(10);
        var customer = shop.customerWithBalance(100_000);
        var older =
                json(orders.place(order(customer, line(sku, 1)))).get("orderId").asString();
        var newer =
                json(orders.place(order(customer, line(sku, 2)))).get("orderId").asString();

        client.get()
                .uri("/api/orders?customerId={customer}", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[*].orderId")
                .isEqualTo(List.of(newer, older))
                .jsonPath("$.page.totalElements")
                .isEqualTo(2);
    }

    private static String expectRejected(RestTestClient.ResponseSpec response, String reason) {
        response.expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://txsuite.dev/problems/order-rejected");
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("transactionId").asString()).containsOnlyDigits();
        return problem.get("orderId").asString();
    }
}
