package dev.txsuite.testing;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What {@code GET /api/products} answers wherever the catalog is served (inventory-service, and the baseline so
 * that the load tests run against it unchanged): the demo catalog the README documents, as a page. A service's
 * {@code ProductApiTests} extends it and adds its own Spring test annotation.
 */
public abstract class ProductApiContract {

    /** A product as the API shows it (DESIGN.md section 3). */
    public record ProductBody(
            String sku, String name, long priceCents, String currency, int onHand, int reserved, int available) {}

    @Autowired
    protected RestTestClient client;

    @Test
    public void shouldListTheDemoCatalogAsAPage() {
        var page =
                PageOf.get(client, "/api/products?size=100", new ParameterizedTypeReference<PageOf<ProductBody>>() {});

        assertThat(page.page().size()).isEqualTo(100);
        assertThat(page.page().number()).isZero();
        assertThat(page.content())
                .contains(
                        new ProductBody("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 1800, "USD", 100, 0, 100),
                        new ProductBody("MUG-CERAMIC", "Ceramic mug", 1200, "USD", 50, 0, 50),
                        new ProductBody("KETTLE-ELECTRIC", "Electric kettle", 4500, "USD", 20, 0, 20),
                        new ProductBody("GRINDER-BURR", "Burr grinder", 12900, "USD", 10, 0, 10),
                        new ProductBody("FILTER-PAPERS", "Filter papers, 100", 450, "USD", 500, 0, 500),
                        new ProductBody("DRIPPER-LIMITED", "Limited edition dripper", 8900, "USD", 2, 0, 2));
        assertThat(page.content()).extracting(ProductBody::sku).isSorted();
    }

    @Test
    public void shouldShowOneProductWithItsAvailableStock() {
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
    public void shouldAnswerAProblemForAnUnknownSku() {
        expectProblem(
                        client.get().uri("/api/products/NO-SUCH-SKU").exchange(),
                        HttpStatus.NOT_FOUND,
                        "product-not-found")
                .jsonPath("$.sku")
                .isEqualTo("NO-SUCH-SKU");
    }
}
