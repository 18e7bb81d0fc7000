package dev.txsuite.contract.stock;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 404 of {@code GET /api/products/{sku}}. */
public class ProductNotFound extends ErrorResponseException {

    public ProductNotFound(String sku) {
        super(HttpStatus.NOT_FOUND, problem(sku), null);
    }

    private static ProblemDetail problem(String sku) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "there is no product with sku " + sku);
        problem.setType(URI.create("https://txsuite.dev/problems/product-not-found"));
        problem.setTitle("Product not found");
        problem.setProperty("sku", sku);
        return problem;
    }
}
