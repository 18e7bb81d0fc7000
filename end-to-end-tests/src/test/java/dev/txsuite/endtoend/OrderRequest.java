package dev.txsuite.endtoend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code POST /api/orders}, built the way the tests need it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderRequest(String customerId, List<Item> items, String protocol) {

    record Item(String sku, int quantity) {}

    static OrderRequest of(String customerId, int quantity, String sku) {
        return new OrderRequest(customerId, List.of(new Item(sku, quantity)), "2PC");
    }

    OrderRequest withProtocol(String otherProtocol) {
        return new OrderRequest(customerId, items, otherProtocol);
    }
}
