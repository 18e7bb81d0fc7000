package dev.txsuite.order.order;

import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
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

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

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
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        var command = request.toCommand(properties.protocolByDefault());
        var answer = placeOrder.place(command, idempotencyKey);
        var response = ResponseEntity.status(answer.status())
                .contentType(answer.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        return response.body(answer.body());
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

    private static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw OrderProblem.invalidField(
                    IDEMPOTENCY_KEY, "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not blank");
        }
    }
}
