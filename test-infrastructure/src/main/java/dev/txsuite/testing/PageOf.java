package dev.txsuite.testing;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A page of a list endpoint as Spring Data's {@code PagedModel} serialises it (DESIGN.md section 3). */
public record PageOf<T>(List<T> content, Metadata page) {

    public record Metadata(int size, int number, long totalElements, int totalPages) {}

    /** {@code GET uri}, expecting 200 and a page of {@code type}. */
    public static <T> PageOf<T> get(RestTestClient client, String uri, ParameterizedTypeReference<PageOf<T>> type) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }
}
