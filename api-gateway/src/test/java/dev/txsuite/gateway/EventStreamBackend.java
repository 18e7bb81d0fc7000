package dev.txsuite.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real HTTP server standing in for the coordinator's {@code text/event-stream}: it sends each event only when the
 * test tells it to, so the test sees when the gateway passes it on. Like a server that answers with its first
 * event, its status and headers go out with the first event too.
 */
final class EventStreamBackend {

    private static final String END = "";

    private final HttpServer server;
    private final BlockingQueue<String> toSend = new LinkedBlockingQueue<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();

    private EventStreamBackend(HttpServer server) {
        this.server = server;
    }

    static EventStreamBackend start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var backend = new EventStreamBackend(server);
            server.createContext("/api/transactions/stream", backend::stream);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the event stream backend", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The headers of every request for the stream so far. */
    List<Headers> requests() {
        return List.copyOf(requests);
    }

    void send(String event, String data) {
        toSend.add("event: " + event + "\ndata: " + data + "\n\n");
    }

    /** Ends the stream after the events sent so far. */
    void end() {
        toSend.add(END);
    }

    private void stream(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Headers(exchange.getRequestHeaders()));
            var event = toSend.take();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var body = exchange.getResponseBody();
            while (!event.equals(END)) {
                body.write(event.getBytes(StandardCharsets.UTF_8));
                body.flush();
                event = toSend.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
