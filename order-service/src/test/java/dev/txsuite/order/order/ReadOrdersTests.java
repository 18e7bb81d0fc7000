package dev.txsuite.order.order;

import static dev.txsuite.testing.ProblemResponses.expectProblem;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ReadOrdersTests extends RunningOrderService {

    @Test
    void shouldAnswer404ForAnUnknownOrder() {
        expectProblem(
                client.get().uri("/api/orders/{id}", UUID.randomUUID()).exchange(),
                HttpStatus.NOT_FOUND,
                "order-not-found");
    }

    @Test
    void shouldAnswer404ForAnIdThatIsNoOrderId() {
        expectProblem(client.get().uri("/api/orders/not-an-order").exchange(), HttpStatus.NOT_FOUND, "order-not-found");
    }

    @Test
    void shouldListACustomersOrdersNewestFirstInPages() {
        var customer = "reader-" + UUID.randomUUID();
        var placed = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var orderId = UUID.randomUUID().toString();
            prepareAtOrderParticipant(UUID.randomUUID().toString(), JSON.readTree("""
                    {"orderId":"%s","customerId":"%s","protocol":"2PC","currency":"USD","totalCents":1200,"items":[
                      {"sku":"MUG-CERAMIC","name":"Ceramic mug","quantity":1,"unitPriceCents":1200,"lineTotalCents":1200}]}""".formatted(orderId, customer)));
            placed.add(orderId);
        }

        client.get()
                .uri("/api/orders?customerId={customer}&size=2&sort=customerId,asc", customer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content.length()")
                .isEqualTo(2)
                .jsonPath("$.content[0].orderId")
                .isEqualTo(placed.get(2))
                .jsonPath("$.content[1].orderId")
                .isEqualTo(placed.get(1))
                .jsonPath("$.content[0].items[0].sku")
                .isEqualTo("MUG-CERAMIC")
                .jsonPath("$.page.totalElements")
                .isEqualTo(3)
                .jsonPath("$.page.totalPages")
                .isEqualTo(2);
        client.get()
                .uri("/api/orders?customerId={customer}&size=2&page=1", customer)
                .exchange()
                .expectBody()
                .jsonPath("$.content[0].orderId")
                .isEqualTo(placed.get(0));
    }

    @Test
    void shouldAnswer400WithoutACustomer() {
        client.get()
                .uri("/api/orders")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("customerId");
    }
}
