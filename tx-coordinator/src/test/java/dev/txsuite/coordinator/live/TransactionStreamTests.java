package dev.txsuite.coordinator.live;

import static dev.txsuite.coordinator.TransactionRequestBuilder.aTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.coordinator.CoordinatorIntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/transactions/stream}, read as a browser's EventSource would, over a real HTTP connection. */
class TransactionStreamTests extends CoordinatorIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private InputStream stream;

    @AfterEach
    void closeTheStream() throws IOException {
        if (stream != null) {
            stream.close();
        }
        client.close();
    }

    @Test
    void shouldTellItsReadersOfEveryTransactionThatChanges() throws Exception {
        var response = open();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("retry:2000"));
        var transaction = aTransaction().over("order", "payment");

        begin(transaction);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(txEvents(transaction.txId())).contains("begun", "decided", "completed"));
        assertThat(dataOf(transaction.txId(), "begun").get("time").asString()).isNotBlank();
    }

    @Test
    void shouldSendTheFiguresOfTheLastMinuteEveryTwoSeconds() throws Exception {
        open();

        await().atMost(Duration.ofSeconds(6)).until(() -> lines.contains("event:stats"));
        var stats = JSON.readTree(lines.get(lines.indexOf("event:stats") + 1).substring("data:".length()));
        assertThat(stats.get("windowSeconds").asInt()).isEqualTo(60);
        assertThat(stats.get("protocols").has("all")).isTrue();
    }

    /** Connects and reads the stream's lines on a thread of its own until the stream is closed. */
    private HttpResponse<InputStream> open() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/transactions/stream"))
                .header("Accept", "text/event-stream")
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        stream = response.body();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // closed by the test
            }
        });
        return response;
    }

    /** The types of the {@code tx} events about the transaction, in the order they came. */
    private List<String> txEvents(String txId) {
        return txData(txId).stream().map(data -> data.get("type").asString()).toList();
    }

    private JsonNode dataOf(String txId, String type) {
        return txData(txId).stream()
                .filter(data -> data.get("type").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event of " + txId));
    }

    /** The data of the {@code tx} events about the transaction: each is the line after its {@code event:tx}. */
    private List<JsonNode> txData(String txId) {
        var received = List.copyOf(lines);
        return IntStream.range(0, received.size() - 1)
                .filter(index -> received.get(index).equals("event:tx"))
                .mapToObj(index -> JSON.readTree(received.get(index + 1).substring("data:".length())))
                .filter(data -> data.get("txId").asString().equals(txId))
                .toList();
    }
}
