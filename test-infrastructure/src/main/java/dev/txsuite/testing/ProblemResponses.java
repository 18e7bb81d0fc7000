package dev.txsuite.testing;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** The shape every error of the suite shares: an RFC 9457 problem detail with a stable {@code type} URI. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /**
     * Expects {@code status} with a problem detail of type {@code https://txsuite.dev/problems/<slug>}; the body
     * is returned for the problem's own fields.
     */
    public static BodyContentSpec expectProblem(ResponseSpec response, HttpStatus status, String slug) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/" + slug);
    }
}
