package dev.txsuite.contract.account;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 404 of {@code GET /api/accounts/{customerId}}. */
public class AccountNotFound extends ErrorResponseException {

    public AccountNotFound(String customerId) {
        super(HttpStatus.NOT_FOUND, problem(customerId), null);
    }

    private static ProblemDetail problem(String customerId) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "there is no account for customer " + customerId);
        problem.setType(URI.create("https://txsuite.dev/problems/account-not-found"));
        problem.setTitle("Account not found");
        problem.setProperty("customerId", customerId);
        return problem;
    }
}
