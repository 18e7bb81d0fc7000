package dev.txsuite.contract.order;

/** One invalid field of a request, as the {@code errors} array of a problem lists it. */
public record FieldError(String field, String message) {}
