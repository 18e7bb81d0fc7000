package dev.txsuite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** What a client application does: plain HTTP and JSON against the gateway, nothing else. */
final class GatewayClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI gateway;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(URI gateway) {
        this.gateway = gateway;
    }

    URI uri() {
        return gateway;
    }

    JsonResponse placeOrder(OrderRequest order) {
        return await(placeOrderAsync(order, null));
    }

    JsonResponse placeOrder(OrderRequest order, String idempotencyKey) {
        return await(placeOrderAsync(order, idempotencyKey));
    }

    CompletableFuture<JsonResponse> placeOrderAsync(OrderRequest order, String idempotencyKey) {
        var request = post(URI.create("/api/orders"), json.writeValueAsString(order));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return sendAsync(request);
    }

    /** Posts a body as it is, even one that is not valid JSON. */
    JsonResponse postRaw(String path, String body) {
        return await(sendAsync(post(URI.create(path), body)));
    }

    /** GETs a path or a full URI, resolved against the gateway as a browser resolves a Location. */
    JsonResponse get(String pathOrUri) {
        var request = HttpRequest.newBuilder(gateway.resolve(pathOrUri))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        return await(sendAsync(request));
    }

    /** GETs an admin API path as the local default admin ({@code admin}/{@code admin}, HTTP Basic). */
    JsonResponse getAsAdmin(String path) {
        var credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials)
                .GET();
        return await(sendAsync(request));
    }

    /** POSTs a JSON body to an admin path as the local default admin ({@code admin}/{@code admin}, HTTP Basic). */
    JsonResponse postAsAdmin(String path, String body) {
        var credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        return await(sendAsync(post(URI.create(path), body).header("Authorization", "Basic " + credentials)));
    }

    /** PUTs a JSON body to a path or a full URI (a service's own internal endpoint). */
    JsonResponse put(String pathOrUri, String body) {
        var request = HttpRequest.newBuilder(gateway.resolve(pathOrUri))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        return await(sendAsync(request));
    }

    private HttpRequest.Builder post(URI path, String body) {
        return HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private CompletableFuture<JsonResponse> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new JsonResponse(
                        response.statusCode(), response.headers(), response.body(), parse(response.body())));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static JsonResponse await(CompletableFuture<JsonResponse> response) {
        try {
            return response.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("the gateway did not answer", io);
            }
            throw e;
        }
    }
}
