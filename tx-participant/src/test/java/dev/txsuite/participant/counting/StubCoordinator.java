package dev.txsuite.participant.counting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that answers what the coordinator answers an in-doubt participant,
 * {@code GET /tx/transactions/{txId}}, as each test tells it to; a transaction it was told nothing about is
 * unknown to it (404 {@code unknown-transaction}). It counts the questions.
 */
final class StubCoordinator implements AutoCloseable {

    private static final String PATH = "/tx/transactions/";

    private record Answer(int status, String contentType, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Answer> nextAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> questions = new ConcurrentHashMap<>();

    private StubCoordinator(HttpServer server) {
        this.server = server;
    }

    static StubCoordinator start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var coordinator = new StubCoordinator(server);
            server.createContext(PATH, coordinator::answer);
            server.start();
            return coordinator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub coordinator", e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void decided(String txId, String decision, String reason) {
        answers.put(txId, json(200, """
                {"txId":"%s","protocol":"3PC","state":"%s","decision":"%s","reason":%s,"epoch":1}""".formatted(
                        txId,
                        "COMMIT".equals(decision) ? "COMMITTING" : "ABORTING",
                        decision,
                        reason == null ? "null" : "\"" + reason + "\"")));
    }

    void undecided(String txId) {
        var body = """
                {"txId":"%s","protocol":"2PC","state":"PREPARING","decision":null,"reason":null,"epoch":1}""";
        answers.put(txId, json(200, body.formatted(txId)));
    }

    void failing(String txId) {
        answers.put(txId, new Answer(503, "text/plain", "overloaded"));
    }

    /** The next question about the transaction fails with a 503; later ones get the answer set for it. */
    void failingOnce(String txId) {
        nextAnswers.put(txId, new Answer(503, "text/plain", "overloaded"));
    }

    int questionsAbout(String txId) {
        return questions.getOrDefault(txId, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        var txId = exchange.getRequestURI().getPath().substring(PATH.length());
        questions.computeIfAbsent(txId, id -> new AtomicInteger()).incrementAndGet();
        var once = nextAnswers.remove(txId);
        var answer = once != null
                ? once
                : answers.getOrDefault(txId, new Answer(404, "application/problem+json", """
                        {"type":"https://txsuite.dev/problems/unknown-transaction","title":"Unknown transaction",\
                        "status":404,"detail":"no record of %s"}""".formatted(txId)));
        var body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body);
    }
}
