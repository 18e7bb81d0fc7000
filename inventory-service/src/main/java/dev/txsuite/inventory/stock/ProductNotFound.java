package dev.txsuite.inventory.stock;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class ProductNotFound extends ErrorResponseException {

    ProductNotFound(String sku) {
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
