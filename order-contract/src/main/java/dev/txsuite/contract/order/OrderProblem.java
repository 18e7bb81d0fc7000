package dev.txsuite.contract.order;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the order API answers with a problem document (RFC 9457) instead of an order: invalid input, an
 * unknown sku or customer, a service or database that cannot be reached, an order refused by its transaction.
 * Each kind has a stable {@code type}, the same at order-service and at the baseline.
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

    public static OrderProblem unknownSkus(List<FieldError> errors) {
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

    public static OrderProblem unknownCustomer(String customerId) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-customer",
                "Unknown customer",
                "No customer with id '" + customerId + "'",
                List.of(new FieldError("customerId", "no customer with this id")),
                Map.of());
    }

    public static OrderProblem currencyMismatch(String customerCurrency, List<FieldError> errors) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "currency-mismatch",
                "Currency mismatch",
                "The customer pays in " + customerCurrency + "; every product of the order must be priced in it",
                errors,
                Map.of());
    }

    public static OrderProblem idempotencyKeyReused(String key) {
        return new OrderProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key '" + key + "' was already used for a different request",
                List.of(new FieldError(IdempotencyKeyHeader.NAME, "already used for a different request")),
                Map.of());
    }

    public static OrderProblem orderNotFound(String orderId) {
        return new OrderProblem(
                HttpStatus.NOT_FOUND,
                "order-not-found",
                "Order not found",
                "No order with id '" + orderId + "'",
                List.of(),
                Map.of());
    }

    /**
     * The service has as many orders in flight as it lets in now (its adaptive limit): refused before anything was
     * read or written; the answer carries {@code Retry-After}, which the problem repeats.
     */
    public static OrderProblem overloaded(String service, int limit) {
        var retryAfterSeconds = WrittenOrderAnswer.RETRY_AFTER_SECONDS;
        return new OrderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "overloaded",
                "Too many orders in flight",
                service + " has " + limit + " orders in flight, as many as it lets in now; nothing was changed, try"
                        + " again in " + retryAfterSeconds + " s",
                List.of(),
                Map.of("service", service, "reason", "OVERLOADED", "retryAfterSeconds", retryAfterSeconds));
    }

    /** A service could not be reached before anything was changed; {@code reason} as the coordinator would give it. */
    public static OrderProblem serviceUnavailable(String service, String reason) {
        return new OrderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                service + " cannot be reached; nothing was changed, try again later",
                List.of(),
                Map.of("service", service, "reason", reason));
    }

    /** No connection to the one database could be had (the baseline): no transaction began, so nothing changed. */
    public static OrderProblem databaseUnavailable() {
        return new OrderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                "the database cannot be reached; nothing was changed, try again later",
                List.of(),
                Map.of());
    }

    /**
     * Not enough stock or money ({@code OUT_OF_STOCK}, {@code INSUFFICIENT_FUNDS}, ...): the order is kept as
     * REJECTED. An answer the service writes (and keeps for the Idempotency-Key), not one it throws.
     */
    public static OrderProblem orderRejected(String orderId, String txId, String reason) {
        return new OrderProblem(
                HttpStatus.CONFLICT,
                "order-rejected",
                "Order rejected",
                "The order was rejected: " + reason,
                List.of(),
                ofOrder(orderId, txId, reason));
    }

    /** A participant or the coordinator failed: the order is REJECTED, nothing was taken or charged. */
    public static OrderProblem orderFailed(String orderId, String txId, String reason) {
        return new OrderProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                "Service unavailable",
                "The order could not be completed (" + reason + "); nothing was taken or charged, try again later",
                List.of(),
                ofOrder(orderId, txId, reason));
    }

    private static Map<String, Object> ofOrder(String orderId, String txId, String reason) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("orderId", orderId);
        properties.put("transactionId", txId);
        properties.put("reason", reason);
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        var problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }
}
