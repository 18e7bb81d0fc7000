package dev.txsuite.order.order;

import dev.txsuite.contract.order.IdempotencyKeyHeader;
import dev.txsuite.contract.order.OrderProblem;
import dev.txsuite.contract.order.OrderView;
import dev.txsuite.contract.order.PlaceOrderRequest;
import dev.txsuite.protocol.Protocol;
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

/** The public order API (DESIGN.md section 3). */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final PlaceOrder placeOrder;
    private final ReadOrders readOrders;
    private final OrderProperties properties;

    OrderController(PlaceOrder placeOrder, ReadOrders readOrders, OrderProperties properties) {
        this.placeOrder = placeOrder;
        this.readOrders = readOrders;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<String> place(
            @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        IdempotencyKeyHeader.check(idempotencyKey);
        var command = request.toCommand(this::protocolToRun);
        return placeOrder.place(command, idempotencyKey).toResponse();
    }

    @GetMapping("/{orderId}")
    OrderView find(@PathVariable String orderId) {
        return readOrders.find(orderId);
    }

    @GetMapping
    PagedModel<OrderView> ofCustomer(@RequestParam String customerId, Pageable page) {
        if (customerId.isBlank()) {
            throw OrderProblem.invalidField("customerId", "must not be blank");
        }
        return new PagedModel<>(readOrders.ofCustomer(customerId, page));
    }

    /**
     * The label of the protocol the order runs: the one the request names, else the configured default.
     *
     * @throws IllegalArgumentException naming the accepted values for a protocol the coordinator does not run
     */
    private String protocolToRun(String requested) {
        var protocol = requested == null ? properties.protocolByDefault() : Protocol.fromLabel(requested);
        return protocol.label();
    }
}
