package dev.txsuite.inventory.stock;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.inventory.InventoryServiceTest;
import dev.txsuite.testing.PageOf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

@InventoryServiceTest
class ProductApiTests {

    @Autowired
    RestTestClient client;

    @Test
    void shouldListTheDemoCatalogAsAPage() {
        var page = client.get()
                .uri("/api/products?size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<PageOf<ProductView>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(page.page().size()).isEqualTo(100);
        assertThat(page.page().number()).isZero();
        assertThat(page.content())
                .contains(
                        new ProductView("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 1800, "USD", 100, 0, 100),
                        new ProductView("MUG-CERAMIC", "Ceramic mug", 1200, "USD", 50, 0, 50),
                        new ProductView("KETTLE-ELECTRIC", "Electric kettle", 4500, "USD", 20, 0, 20),
                        new ProductView("GRINDER-BURR", "Burr grinder", 12900, "USD", 10, 0, 10),
                        new ProductView("FILTER-PAPERS", "Filter papers, 100", 450, "USD", 500, 0, 500),
                        new ProductView("DRIPPER-LIMITED", "Limited edition dripper", 8900, "USD", 2, 0, 2));
        assertThat(page.content()).extracting(ProductView::sku).isSorted();
    }

    @Test
    void shouldShowOneProductWithItsAvailableStock() {
        client.get()
                .uri("/api/products/GRINDER-BURR")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"sku":"GRINDER-BURR","name":"Burr grinder","priceCents":12900,"currency":"USD",
                 "onHand":10,"reserved":0,"available":10}""");
    }

    @Test
    void shouldAnswerAProblemForAnUnknownSku() {
        expectProblem(
                        client.get().uri("/api/products/NO-SUCH-SKU").exchange(),
                        HttpStatus.NOT_FOUND,
                        "product-not-found")
                .jsonPath("$.sku")
                .isEqualTo("NO-SUCH-SKU");
    }
}
