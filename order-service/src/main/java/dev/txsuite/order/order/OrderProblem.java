package dev.txsuite.order.order;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the order API answers with a problem document (RFC 9457) instead of an order: invalid input, an
 * unknown sku or customer, a service that cannot be reached. Each kind has a stable {@code type}.
 */
public class OrderProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://txsuite.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    private OrderProblem(
            HttpStatus status,
            String slug,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    public static OrderProblem invalidRequest(List<FieldError> errors) {
        var fields = String.join(
                ", ", errors.stream().map(FieldError::field).distinct().toList());
        return new OrderProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "Invalid request: " + fields,
                errors,
                Map.of());
    }

    public static OrderProblem invalidField(String field, String message) {
        return invalidRequest(List.of(new FieldError(field, message)));
    }

    static OrderProblem unknownSkus(List<FieldError> errors) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-sku",
                "Unknown product",
                "No product with " + (errors.size() == 1 ? "this sku: " : "these skus: ")
                        + String.join(
                                ", ", errors.stream().map(FieldError::field).toList()),
                errors,
                Map.of());
    }

    static OrderProblem unknownCustomer(String customerId) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-customer",
                "Unknown customer",
                "No customer with id '" + customerId + "'",
                List.of(new FieldError("customerId", "no customer with this id")),
                Map.of());
    }

    static OrderProblem currencyMismatch(String customerCurrency, List<FieldError> errors) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "currency-mismatch",
                "Currency mismatch",
                "The customer pays in " + customerCurrency + "; every product of the order must be priced in it",
                errors,
                Map.of());
    }

    static OrderProblem idempotencyKeyReused(String key) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key '" + key + "' was already used for a different request",
                List.of(new FieldError("Idempotency-Key", "already used for a different request")),
                Map.of());
    }

    /** A service could not be reached before anything was changed; {@code reason} as the coordinator would give it. */
    static OrderProblem serviceUnavailable(String service, String reason) {
        return new OrderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                service + " cannot be reached; nothing was changed, try again later",
                List.of(),
                Map.of("service", service, "reason", reason));
    }

    static OrderProblem orderNotFound(String orderId) {
        return new OrderProblem(
                HttpStatus.NOT_FOUND,
                "order-not-found",
                "Order not found",
                "No order with id '" + orderId + "'",
                List.of(),
                Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        var problem = problem(status, slug, title, getMessage());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
