package dev.txsuite.coordinator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant for the tests: a real HTTP server on a random port that answers the protocol endpoints
 * ({@code POST /tx/branches/{txId}/prepare|pre-commit|commit|abort}, {@code GET /tx/branches/{txId}}) as
 * scripted and records every message it receives. By default it votes YES, acknowledges PRE-COMMIT and every
 * decision, and has no record of any branch when asked for its state (404).
 */
public final class ScriptedParticipant {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A protocol message as received: {@code step} is prepare, pre-commit, commit or abort, or {@code state} for
     * a {@code GET} of the branch (whose {@code body} is null).
     */
    public record Received(String txId, String step, JsonNode body) {}

    private final String name;
    private HttpServer server;
    private volatile int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger commitFailuresLeft = new AtomicInteger();
    private final Map<String, Consumer<String>> beforeAnswering = new ConcurrentHashMap<>();
    private final Set<String> staleEpochSteps = ConcurrentHashMap.newKeySet();
    private volatile boolean refusesCommits;
    private volatile String commitRefusedAs;
    private volatile String preCommitRefusedAs;
    private volatile String branchState;
    private volatile String noVoteReason;
    private volatile CountDownLatch heldPrepares;

    private ScriptedParticipant(String name) {
        this.name = name;
    }

    public static ScriptedParticipant start(String name) {
        var participant = new ScriptedParticipant(name);
        participant.listen(0);
        return participant;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops listening: connections are refused until {@link #comesBack()}. */
    public synchronized void goesDown() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again, on the same port. */
    public synchronized void comesBack() {
        if (server == null) {
            listen(port);
        }
    }

    private synchronized void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            server.createContext("/tx/branches/", this::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back to the default script, listening; forgets what was received and lets held PREPAREs go. */
    public void reset() {
        comesBack();
        received.clear();
        commitFailuresLeft.set(0);
        refusesCommits = false;
        commitRefusedAs = null;
        preCommitRefusedAs = null;
        branchState = null;
        noVoteReason = null;
        beforeAnswering.clear();
        staleEpochSteps.clear();
        answersHeldPrepares();
    }

    public void votesNo(String reason) {
        noVoteReason = reason;
    }

    /** PREPARE gets no answer until {@link #answersHeldPrepares()} or {@link #reset()}. */
    public void neverAnswersPrepare() {
        heldPrepares = new CountDownLatch(1);
    }

    /** The PREPAREs held since {@link #neverAnswersPrepare()} are answered now, and the next ones at once. */
    public void answersHeldPrepares() {
        var held = heldPrepares;
        heldPrepares = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** The next {@code times} COMMITs are answered 503. */
    public void failsCommits(int times) {
        commitFailuresLeft.set(times);
    }

    /** COMMIT is answered 409 branch-conflict, as by a participant whose branch contradicts it. */
    public void refusesCommits() {
        refusesCommits = true;
    }

    /** COMMIT is answered 409 branch-conflict naming the state, as by a branch that ended the other way. */
    public void refusesCommitsAs(String state) {
        refusesCommits = true;
        commitRefusedAs = state;
    }

    /** PRE-COMMIT is answered 409 branch-conflict naming the state, as by a branch the termination protocol ended. */
    public void refusesPreCommitsAs(String state) {
        preCommitRefusedAs = state;
    }

    /**
     * Messages of the step (prepare, pre-commit, commit, abort) are answered 409 stale-epoch, as by a participant
     * that has seen the transaction at a higher epoch from the instance that took it over.
     */
    public void refusesEpochAsStale(String step) {
        staleEpochSteps.add(step);
    }

    /** {@code GET /tx/branches/{txId}} answers this state (PREPARED, PRE_COMMITTED, ...) instead of 404. */
    public void reportsBranchAs(String state) {
        branchState = state;
    }

    /** Runs with the transaction id when a message of the step arrives, before it is answered. */
    public void before(String step, Consumer<String> action) {
        beforeAnswering.put(step, action);
    }

    public List<Received> received(String txId) {
        return received.stream().filter(message -> message.txId().equals(txId)).toList();
    }

    public List<String> stepsReceived(String txId) {
        return received(txId).stream().map(Received::step).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var segments = exchange.getRequestURI().getPath().split("/");
            var txId = segments[3];
            var isGet = "GET".equals(exchange.getRequestMethod());
            var step = isGet ? "state" : segments[4];
            var body = isGet ? null : JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(txId, step, body));
            beforeAnswering.getOrDefault(step, id -> {}).accept(txId);
            if (staleEpochSteps.contains(step)) {
                answer(exchange, 409, staleEpoch(body));
                return;
            }
            switch (step) {
                case "state" -> state(exchange, txId);
                case "prepare" -> prepare(exchange, txId);
                case "pre-commit" -> preCommit(exchange, txId);
                case "commit" -> commit(exchange, txId);
                default -> answer(exchange, 200, ack(txId, "ABORTED"));
            }
        }
    }

    private void state(HttpExchange exchange, String txId) throws IOException {
        var state = branchState;
        if (state == null) {
            answer(exchange, 404, Map.of("type", "https://txsuite.dev/problems/unknown-transaction", "status", 404));
            return;
        }
        answer(exchange, 200, Map.of("txId", txId, "participant", name, "state", state, "epoch", 1));
    }

    private void preCommit(HttpExchange exchange, String txId) throws IOException {
        var refusedAs = preCommitRefusedAs;
        if (refusedAs != null) {
            answer(exchange, 409, conflict(refusedAs));
            return;
        }
        answer(exchange, 200, ack(txId, "PRE_COMMITTED"));
    }

    private void prepare(HttpExchange exchange, String txId) throws IOException {
        var held = heldPrepares;
        if (held != null) {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("txId", txId);
        answer.put("participant", name);
        answer.put("vote", noVoteReason == null ? "YES" : "NO");
        answer.put("reason", noVoteReason);
        answer(exchange, 200, answer);
    }

    private void commit(HttpExchange exchange, String txId) throws IOException {
        if (refusesCommits) {
            answer(exchange, 409, conflict(commitRefusedAs));
            return;
        }
        if (commitFailuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            answer(exchange, 503, Map.of("title", "Service Unavailable", "status", 503));
            return;
        }
        answer(exchange, 200, ack(txId, "COMMITTED"));
    }

    private static Map<String, Object> staleEpoch(JsonNode message) {
        return Map.of(
                "type",
                "https://txsuite.dev/problems/stale-epoch",
                "status",
                409,
                "detail",
                "epoch " + message.get("epoch").asLong() + " is older than "
                        + (message.get("epoch").asLong() + 1));
    }

    /** A branch-conflict problem, naming the branch's state when given one. */
    private static Map<String, Object> conflict(String state) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "https://txsuite.dev/problems/branch-conflict");
        problem.put("status", 409);
        if (state != null) {
            problem.put("state", state);
        }
        return problem;
    }

    private Map<String, Object> ack(String txId, String state) {
        return Map.of("txId", txId, "participant", name, "state", state);
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        var bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
