package dev.txsuite.baseline.order;

import dev.txsuite.contract.order.IdempotencyKeyHeader;
import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderView;
import dev.txsuite.contract.order.PlaceOrderRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public order API (DESIGN.md section 3), answered as order-service answers it for a decided order. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    /**
     * The protocols a request may name. The distributed suite's "2PC" and "3PC" are accepted so that the same
     * clients and load scripts run against the baseline; every order runs {@link PlaceOrder#PROTOCOL}.
     */
    static final Set<String> ACCEPTED_PROTOCOLS = Set.of("2PC", "3PC", PlaceOrder.PROTOCOL);

    private final PlaceOrder placeOrder;
    private final Orders orders;

    OrderController(PlaceOrder placeOrder, Orders orders) {
        this.placeOrder = placeOrder;
        this.orders = orders;
    }

    @PostMapping
    ResponseEntity<String> place(
            @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        IdempotencyKeyHeader.check(idempotencyKey);
        var command = request.toCommand(OrderController::protocolNamed);
        return placeOrder.place(command, idempotencyKey).toResponse();
    }

    @GetMapping("/{orderId}")
    OrderView find(@PathVariable String orderId) {
        return parse(orderId).flatMap(orders::find).orElseThrow(() -> OrderProblem.orderNotFound(orderId));
    }

    /** A customer's orders, newest first, whatever sort the request names. */
    @GetMapping
    PagedModel<OrderView> ofCustomer(@RequestParam String customerId, Pageable pageable) {
        if (customerId.isBlank()) {
            throw OrderProblem.invalidField("customerId", "must not be blank");
        }
        var page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return new PagedModel<>(orders.ofCustomer(customerId, page));
    }

    /**
     * The protocol the request names, upper case, or null when it names none: only part of the request's
     * fingerprint, every order runs {@link PlaceOrder#PROTOCOL}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    private static String protocolNamed(String requested) {
        if (requested == null) {
            return null;
        }
        var label = requested.toUpperCase(Locale.ROOT);
        if (!ACCEPTED_PROTOCOLS.contains(label)) {
            throw new IllegalArgumentException(
                    "unknown protocol '" + requested + "': use \"2PC\", \"3PC\" or \"LOCAL\"");
        }
        return label;
    }

    private static Optional<UUID> parse(String orderId) {
        try {
            return Optional.of(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
