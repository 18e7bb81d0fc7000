package dev.txsuite.coordinator.config;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the suite's stable type URIs. */
public final class Problems {

    private static final String TYPE_PREFIX = "https://txsuite.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
