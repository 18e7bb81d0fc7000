package dev.txsuite.contract.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request to place an order, valid by construction: the constructor checks the constraints below and throws
 * {@link jakarta.validation.ConstraintViolationException} naming each invalid field.
 *
 * @param protocol the protocol as the service read it from the request ({@link PlaceOrderRequest#toCommand}):
 *     part of the request's fingerprint
 */
public record PlaceOrderCommand(
        @NotBlank(message = "must not be blank") String customerId,

        @NotNull(message = "must list at least one item") @Size(min = 1, max = 50, message = "must list 1 to 50 items")
        List<@NotNull(message = "must not be null") @Valid Line> items,

        String protocol) {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_QUANTITY = 1000;

    // Not a compact constructor: the fields must be assigned before the record can validate itself.
    public PlaceOrderCommand(String customerId, List<Line> items, String protocol) {
        this.customerId = customerId;
        // a copy that keeps a null item, so that validation can report it by its index
        this.items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
        this.protocol = protocol;
        SelfValidating.validate(this);
    }

    /** One requested line; validated as part of the command, so that a violation names its index. */
    public record Line(
            @NotBlank(message = "must not be blank") String sku,

            @NotNull(message = "must not be null")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = MAX_QUANTITY, message = "must be at most 1000")
            Integer quantity) {}

    /**
     * Prices every line in the customer's currency.
     *
     * @param productOf the product of a sku, empty for a sku the catalog does not know
     * @throws OrderProblem (422) naming every unknown sku, or else every product priced in another currency
     */
    public List<OrderItem> price(String currency, Function<String, Optional<? extends PricedProduct>> productOf) {
        var unknown = new ArrayList<FieldError>();
        var otherCurrency = new ArrayList<FieldError>();
        var priced = new ArrayList<OrderItem>();
        for (int index = 0; index < items.size(); index++) {
            var line = items.get(index);
            var field = "items[" + index + "].sku";
            var product = productOf.apply(line.sku());
            if (product.isEmpty()) {
                unknown.add(new FieldError(field, "no product with sku '" + line.sku() + "'"));
            } else if (!product.get().currency().equals(currency)) {
                otherCurrency.add(
                        new FieldError(field, "priced in " + product.get().currency() + ", not in " + currency));
            } else {
                priced.add(OrderItem.of(
                        line.sku(),
                        product.get().name(),
                        line.quantity(),
                        product.get().priceCents()));
            }
        }
        if (!unknown.isEmpty()) {
            throw OrderProblem.unknownSkus(unknown);
        }
        if (!otherCurrency.isEmpty()) {
            throw OrderProblem.currencyMismatch(currency, otherCurrency);
        }
        return List.copyOf(priced);
    }

    /**
     * A digest of everything that makes two requests the same order: the same Idempotency-Key with a different
     * fingerprint is a different request. Each value is length-prefixed so that no two commands share an encoding.
     */
    public String fingerprint() {
        var canonical = new StringBuilder();
        append(canonical, customerId);
        append(canonical, protocol == null ? "" : protocol);
        items.forEach(line -> {
            append(canonical, line.sku());
            append(canonical, line.quantity().toString());
        });
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
