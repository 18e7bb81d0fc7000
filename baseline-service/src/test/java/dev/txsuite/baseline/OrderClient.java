package dev.txsuite.baseline;

import dev.txsuite.testing.OrderRequests;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/orders} as the load tests send it, and the JSON of the answers. */
public record OrderClient(RestTestClient client) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Line(String sku, int quantity) {}

    public static Line line(String sku, int quantity) {
        return new Line(sku, quantity);
    }

    /** The body the load tests send: naming a protocol of the distributed suite. */
    public static String order(String customerId, Line... lines) {
        var items = Arrays.stream(lines)
                .map(line -> "{\"sku\":\"%s\",\"quantity\":%d}".formatted(line.sku(), line.quantity()))
                .collect(Collectors.joining(","));
        return "{\"customerId\":\"%s\",\"items\":[%s],\"protocol\":\"2PC\"}".formatted(customerId, items);
    }

    public RestTestClient.ResponseSpec place(String body) {
        return place(body, "key-" + UUID.randomUUID());
    }

    public RestTestClient.ResponseSpec place(String body, String idempotencyKey) {
        return OrderRequests.placeOrder(client, body, idempotencyKey);
    }

    public static JsonNode json(RestTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
