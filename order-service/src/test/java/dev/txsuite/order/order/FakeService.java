package dev.txsuite.order.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server standing in for another service (inventory, payment, the coordinator): it answers with
 * what the test tells it and records every request. It can be stopped to look unreachable (connection refused)
 * and started again on the same port.
 */
final class FakeService {

    record Request(String method, String path, String body) {}

    record Response(int status, String body) {

        static Response json(String body) {
            return new Response(200, body);
        }

        static Response notFound() {
            return new Response(404, "{\"status\":404}");
        }
    }

    private final String name;
    private final int port;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> answer = request -> Response.notFound();
    private HttpServer server;

    private FakeService(String name, HttpServer server) {
        this.name = name;
        this.server = server;
        this.port = server.getAddress().getPort();
    }

    static FakeService start(String name) {
        var service = new FakeService(name, bind(0, name));
        service.serve();
        return service;
    }

    /** Answers every request with {@code answer} from now on. */
    void answer(Function<Request, Response> answer) {
        this.answer = answer;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    /** Stops listening: a connection to it is refused until {@link #restart()}. */
    synchronized void stop() {
        server.stop(0);
    }

    synchronized void restart() {
        server = bind(port, name);
        serve();
    }

    private void serve() {
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            var response = answer.apply(request);
            var body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static HttpServer bind(int port, String name) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake " + name + " on port " + port, e);
        }
    }
}
