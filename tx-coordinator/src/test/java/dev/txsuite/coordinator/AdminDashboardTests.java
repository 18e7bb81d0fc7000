package dev.txsuite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The dashboard's page is served at {@code /admin/}, and {@code /admin} leads there. */
class AdminDashboardTests extends CoordinatorIntegrationTest {

    @Test
    void shouldServeTheDashboardAtItsDirectory() {
        http.get()
                .uri("/admin/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(page -> assertThat(page).containsIgnoringCase("<html"));
    }

    @Test
    void shouldRedirectToTheDirectorySoThatRelativeLinksResolve() {
        http.get()
                .uri("/admin")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/admin/");
    }
}
