package dev.txsuite.payment.account;

/** What the coordinator carries to payment in PREPARE: {@code {"orderId","customerId","amountCents","currency"}}. */
public record PaymentPayload(String orderId, String customerId, long amountCents, String currency) {

    public PaymentPayload {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("\"orderId\" is required");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("\"customerId\" is required");
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("\"amountCents\" must be positive, was " + amountCents);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("\"currency\" must be a 3-letter code, was " + currency);
        }
    }
}
