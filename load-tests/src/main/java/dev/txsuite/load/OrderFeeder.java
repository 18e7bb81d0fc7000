package dev.txsuite.load;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** An endless stream of orders: a customer, a sku, a quantity and a protocol, each drawn anew for every order. */
final class OrderFeeder {

    private OrderFeeder() {}

    /** With the protocol drawn from the run's {@code load.protocolMix}. */
    static Iterator<Map<String, Object>> orders(
            Supplier<String> customers, Supplier<String> skus, int quantity, LoadSettings settings) {
        return orders(customers, skus, quantity, new WeightedChoice<>(settings.protocolMix()));
    }

    static Iterator<Map<String, Object>> orders(
            Supplier<String> customers, Supplier<String> skus, int quantity, Supplier<String> protocols) {
        return Stream.generate(() -> Map.<String, Object>of(
                        "customerId", customers.get(),
                        "sku", skus.get(),
                        "quantity", quantity,
                        "protocol", protocols.get()))
                .iterator();
    }
}
