package dev.txsuite.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for a service behind the gateway: it answers 200 and records every request. It
 * can be stopped (connections are refused until it restarts on the same port) and told to hold its answers.
 */
final class RecordingBackend {

    record Received(String method, String uri, String requestId, Headers headers, String body) {

        /** The request's value of a header, by its name in any case, or null. */
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final String name;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile CountDownLatch held = new CountDownLatch(0);

    private RecordingBackend(String name, HttpServer server) {
        this.name = name;
        this.port = server.getAddress().getPort();
        this.server = server;
    }

    static RecordingBackend start(String name) {
        var backend = new RecordingBackend(name, bind(0, name));
        backend.serve();
        return backend;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst(RequestIdFilter.HEADER),
                    new Headers(exchange.getRequestHeaders()),
                    body));
            held.await();
            var answer = ("{\"backend\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    List<Received> received() {
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

    /** Requests are recorded, but not answered until {@link #answerHeldRequests()}. */
    void holdAnswers() {
        held = new CountDownLatch(1);
    }

    void answerHeldRequests() {
        held.countDown();
    }

    private void serve() {
        server.createContext("/", this::answer);
        // a held answer must not keep the next request from being recorded
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private static HttpServer bind(int port, String name) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + name + " backend on port " + port, e);
        }
    }
}
