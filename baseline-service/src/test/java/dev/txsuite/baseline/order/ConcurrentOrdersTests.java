package dev.txsuite.baseline.order;

import static dev.txsuite.baseline.OrderClient.line;
import static dev.txsuite.baseline.OrderClient.order;
import static dev.txsuite.baseline.TestShop.PRICE_CENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.baseline.BaselineServiceTest;
import dev.txsuite.baseline.OrderClient;
import dev.txsuite.baseline.TestShop;
import dev.txsuite.testing.ConcurrentCalls;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BaselineServiceTest
class ConcurrentOrdersTests {

    @Autowired
    OrderClient orders;

    @Autowired
    TestShop shop;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldConfirmExactlyTheStockOnHandWhenOrdersRaceForIt() {
        var hot = shop.productWithStock(20);
        var plenty = shop.productWithStock(1000);
        var customers = List.of(
                shop.customerWithBalance(100_000),
                shop.customerWithBalance(100_000),
                shop.customerWithBalance(100_000));
        var next = new AtomicInteger();

        // half the orders list the skus the other way round: the locks are taken in sku order whatever the request
        var statuses = ConcurrentCalls.atOnce(50, () -> {
            var n = next.getAndIncrement();
            var customer = customers.get(n % customers.size());
            var body = n % 2 == 0
                    ? order(customer, line(hot, 1), line(plenty, 1))
                    : order(customer, line(plenty, 1), line(hot, 1));
            return orders.place(body).returnResult(String.class).getStatus().value();
        });

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(20);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(30);
        assertThat(shop.onHandOf(hot)).isZero();
        assertThat(shop.onHandOf(plenty)).isEqualTo(1000 - 20);
        var captured = customers.stream()
                .mapToLong(customer -> 100_000 - shop.balanceOf(customer))
                .sum();
        assertThat(captured).isEqualTo(20 * 2 * PRICE_CENTS);
        assertThat(ordersOf(customers, "CONFIRMED")).isEqualTo(20);
        assertThat(ordersOf(customers, "REJECTED")).isEqualTo(30);
    }

    @Test
    void shouldPlaceOneOrderWhenRequestsWithTheSameKeyRace() {
        var sku = shop.productWithStock(100);
        var customer = shop.customerWithBalance(100_000);
        var body = order(customer, line(sku, 1));
        var key = "racing-" + sku;

        var answers = ConcurrentCalls.atOnce(10, () -> {
            var result = orders.place(body, key).returnResult(String.class);
            return result.getStatus().value() + " " + result.getResponseBody();
        });

        assertThat(answers).hasSize(10).allMatch(answers.getFirst()::equals);
        assertThat(answers.getFirst()).startsWith("201 ");
        assertThat(shop.onHandOf(sku)).isEqualTo(99);
        assertThat(shop.balanceOf(customer)).isEqualTo(100_000 - PRICE_CENTS);
        assertThat(ordersOf(List.of(customer), "CONFIRMED")).isEqualTo(1);
    }

    private long ordersOf(List<String> customers, String status) {
        return jdbc.sql("select count(*) from orders where customer_id in (:customers) and status = :status")
                .param("customers", customers)
                .param("status", status)
                .query(Long.class)
                .single();
    }
}
