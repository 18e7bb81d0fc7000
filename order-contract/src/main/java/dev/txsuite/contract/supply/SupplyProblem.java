package dev.txsuite.contract.supply;

import dev.txsuite.contract.order.IdempotencyKeyHeader;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why an operator's restock or deposit was refused (a {@code 422}, a {@code 400} for a bad key); nothing was
 * changed. {@code invalid-amount} names the field, {@code idempotency-key-reused} the key that an earlier, different
 * call already used.
 */
public class SupplyProblem extends ErrorResponseException {

    private SupplyProblem(ProblemDetail problem) {
        super(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    /** The optional {@code Idempotency-Key} header: absent is fine, blank or too long is a {@code 400}. */
    public static String checkKey(String key) {
        if (IdempotencyKeyHeader.isMalformed(key)) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, IdempotencyKeyHeader.NAME + " " + IdempotencyKeyHeader.RULE);
            problem.setType(URI.create("https://txsuite.dev/problems/invalid-request"));
            problem.setTitle("Invalid request");
            problem.setProperty("field", IdempotencyKeyHeader.NAME);
            throw new SupplyProblem(problem);
        }
        return key;
    }

    /** @param field the JSON field, e.g. {@code units} */
    public static SupplyProblem invalidAmount(String field, String detail) {
        var problem = problem("invalid-amount", "Invalid amount", detail);
        problem.setProperty("field", field);
        return new SupplyProblem(problem);
    }

    public static SupplyProblem keyReused(String key, String detail) {
        var problem = problem("idempotency-key-reused", "Idempotency key reused", detail);
        problem.setProperty("idempotencyKey", key);
        return new SupplyProblem(problem);
    }

    /** A positive amount no larger than {@code max}, or the problem that names the field. */
    public static long positive(Long amount, String field, long max) {
        if (amount == null) {
            throw invalidAmount(field, "\"" + field + "\" is required");
        }
        if (amount <= 0 || amount > max) {
            throw invalidAmount(field, "\"" + field + "\" must be between 1 and " + max + ", was " + amount);
        }
        return amount;
    }

    private static ProblemDetail problem(String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(URI.create("https://txsuite.dev/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }
}
