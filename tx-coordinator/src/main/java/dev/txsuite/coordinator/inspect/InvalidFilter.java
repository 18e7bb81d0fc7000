package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.config.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A list parameter with a value it cannot take: a 400 problem naming it, in {@code detail} and as {@code parameter}. */
class InvalidFilter extends RuntimeException {

    private final String parameter;
    private final String slug;

    InvalidFilter(String parameter, String why) {
        this(parameter, "invalid-request", why);
    }

    /** @param slug the problem type; {@code state} keeps its own, {@code invalid-state} */
    InvalidFilter(String parameter, String slug, String why) {
        super(parameter + ": " + why);
        this.parameter = parameter;
        this.slug = slug;
    }

    ProblemDetail problem() {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, slug, "Invalid " + parameter, getMessage());
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
