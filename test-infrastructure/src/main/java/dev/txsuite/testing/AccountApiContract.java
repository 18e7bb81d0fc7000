package dev.txsuite.testing;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What {@code GET /api/accounts} answers wherever accounts are served (payment-service, and the baseline so that
 * the load tests run against it unchanged): the demo customers the README documents, as a page. A service's
 * {@code AccountApiTests} extends it and adds its own Spring test annotation.
 */
public abstract class AccountApiContract {

    /** An account as the API shows it (DESIGN.md section 3). */
    public record AccountBody(
            String customerId, String name, long balanceCents, long heldCents, long availableCents, String currency) {}

    @Autowired
    protected RestTestClient client;

    @Test
    public void shouldListTheDemoAccountsAsAPage() {
        var page =
                PageOf.get(client, "/api/accounts?size=100", new ParameterizedTypeReference<PageOf<AccountBody>>() {});

        assertThat(page.page().size()).isEqualTo(100);
        assertThat(page.page().number()).isZero();
        assertThat(page.content())
                .contains(
                        new AccountBody("alice", "Alice Martin", 100000, 0, 100000, "USD"),
                        new AccountBody("bob", "Bob Chen", 25000, 0, 25000, "USD"),
                        new AccountBody("carol", "Carol Diaz", 5000, 0, 5000, "USD"),
                        new AccountBody("dave", "Dave Okafor", 500, 0, 500, "USD"),
                        new AccountBody("erin", "Erin Novak", 1000000, 0, 1000000, "USD"));
        assertThat(page.content()).extracting(AccountBody::customerId).isSorted();
    }

    @Test
    public void shouldShowOneAccountWithItsAvailableMoney() {
        client.get()
                .uri("/api/accounts/carol")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"customerId":"carol","name":"Carol Diaz","balanceCents":5000,"heldCents":0,
                 "availableCents":5000,"currency":"USD"}""");
    }

    @Test
    public void shouldAnswerAProblemForAnUnknownCustomer() {
        expectProblem(client.get().uri("/api/accounts/nobody").exchange(), HttpStatus.NOT_FOUND, "account-not-found")
                .jsonPath("$.customerId")
                .isEqualTo("nobody");
    }
}
