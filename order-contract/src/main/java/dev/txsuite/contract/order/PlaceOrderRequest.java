package dev.txsuite.contract.order;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The body of {@code POST /api/orders} as it arrives: every field optional here, so that a missing one is
 * reported by name by {@link PlaceOrderCommand} rather than as unreadable JSON.
 */
public record PlaceOrderRequest(String customerId, List<Item> items, String protocol) {

    public record Item(String sku, Integer quantity) {}

    /**
     * @param readProtocol reads the {@code protocol} field (null when the request names none) into the label the
     *     command carries: each service runs protocols of its own. It throws {@link IllegalArgumentException},
     *     whose message the client gets, for a protocol the service does not run.
     * @throws OrderProblem (400) naming every invalid field: the protocol first, then the others by name
     */
    public PlaceOrderCommand toCommand(UnaryOperator<String> readProtocol) {
        var errors = new ArrayList<FieldError>();
        String chosen = null;
        try {
            chosen = readProtocol.apply(protocol);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("protocol", e.getMessage()));
        }
        PlaceOrderCommand command = null;
        try {
            command = new PlaceOrderCommand(customerId, lines(), chosen);
        } catch (ConstraintViolationException e) {
            errors.addAll(ViolatedFields.of(e));
        }
        if (!errors.isEmpty()) {
            throw OrderProblem.invalidRequest(errors);
        }
        return command;
    }

    private List<PlaceOrderCommand.Line> lines() {
        if (items == null) {
            return null;
        }
        // a JSON null among the items stays null: the command reports it by its index
        return items.stream()
                .map(item -> item == null ? null : new PlaceOrderCommand.Line(item.sku(), item.quantity()))
                .toList();
    }
}
