package dev.txsuite.payment.account;

import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.payment.PaymentServiceTest;
import dev.txsuite.testing.PageOf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

@PaymentServiceTest
class AccountApiTests {

    @Autowired
    RestTestClient client;

    @Test
    void shouldListTheDemoAccountsAsAPage() {
        var page = client.get()
                .uri("/api/accounts?size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<PageOf<AccountView>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(page.page().size()).isEqualTo(100);
        assertThat(page.page().number()).isZero();
        assertThat(page.content())
                .contains(
                        new AccountView("alice", "Alice Martin", 100000, 0, 100000, "USD"),
                        new AccountView("bob", "Bob Chen", 25000, 0, 25000, "USD"),
                        new AccountView("carol", "Carol Diaz", 5000, 0, 5000, "USD"),
                        new AccountView("dave", "Dave Okafor", 500, 0, 500, "USD"),
                        new AccountView("erin", "Erin Novak", 1000000, 0, 1000000, "USD"));
        assertThat(page.content()).extracting(AccountView::customerId).isSorted();
    }

    @Test
    void shouldShowOneAccountWithItsAvailableMoney() {
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
    void shouldAnswerAProblemForAnUnknownCustomer() {
        expectProblem(client.get().uri("/api/accounts/nobody").exchange(), HttpStatus.NOT_FOUND, "account-not-found")
                .jsonPath("$.customerId")
                .isEqualTo("nobody");
    }
}
