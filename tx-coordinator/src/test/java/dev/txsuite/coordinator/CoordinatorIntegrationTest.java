package dev.txsuite.coordinator;

import dev.txsuite.coordinator.begin.TransactionOutcome;
import dev.txsuite.coordinator.inspect.DescribeTransactions;
import dev.txsuite.coordinator.log.LoggedTransactions;
import dev.txsuite.coordinator.log.TimelineEntry;
import dev.txsuite.coordinator.log.TransactionTimeline;
import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.FreshKafkaConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The coordinator on a random port, a fresh database and the test Kafka broker, with participants {@code order}, {@code inventory}
 * and {@code payment} played by {@link ScriptedParticipant}s, reset before each test, and fault injection
 * enabled (cleared before each test; never arm a halt point here: it would stop the test JVM). Every subclass
 * shares the same Spring context. Leases are renewed, and expired ones taken over, every 300 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({FreshDatabaseConfiguration.class, FreshKafkaConfiguration.class})
@AutoConfigureRestTestClient
public abstract class CoordinatorIntegrationTest {

    protected static final ScriptedParticipant ORDER = ScriptedParticipant.start("order");
    protected static final ScriptedParticipant INVENTORY = ScriptedParticipant.start("inventory");
    protected static final ScriptedParticipant PAYMENT = ScriptedParticipant.start("payment");

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private DescribeTransactions describe;

    @Autowired
    private LoggedTransactions loggedTransactions;

    @Autowired
    private TransactionTimeline timeline;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void participants(DynamicPropertyRegistry registry) {
        registry.add("txsuite.coordinator.participants.order.url", ORDER::url);
        registry.add("txsuite.coordinator.participants.inventory.url", INVENTORY::url);
        registry.add("txsuite.coordinator.participants.payment.url", PAYMENT::url);
        registry.add("txsuite.coordinator.retry-interval", () -> "300ms");
        registry.add("txsuite.coordinator.lease-renewal", () -> "300ms");
        registry.add("txsuite.faults.enabled", () -> "true");
    }

    @BeforeEach
    void resetParticipants() {
        clearFaults();
        List.of(ORDER, INVENTORY, PAYMENT).forEach(ScriptedParticipant::reset);
        // a test that makes a participant fail must not leave its circuit open for the next one
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** Cuts the coordinator's network to the participants ({@code PUT /tx/faults}). */
    protected void cutOff(String... participants) {
        http.put()
                .uri("/tx/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("unreachable", List.of(participants)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    protected void clearFaults() {
        http.delete().uri("/tx/faults").exchange().expectStatus().isOk();
    }

    protected TransactionOutcome begin(TransactionRequestBuilder transaction) {
        return http.post()
                .uri("/tx/transactions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(transaction.body())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TransactionOutcome.class)
                .returnResult()
                .getResponseBody();
    }

    /** The transaction's row as the log holds it now. */
    protected Optional<LogRow> logRow(String txId) {
        return jdbc.sql("""
                        SELECT state, decision, reason, decided_at IS NOT NULL AS decided, ended_at IS NOT NULL AS ended
                        FROM transactions WHERE tx_id = :txId""").param("txId", txId).query(LogRow.class).optional();
    }

    /** Whether the log holds a PRE-COMMIT record for the transaction. */
    protected boolean preCommitLogged(String txId) {
        return jdbc.sql("SELECT pre_committed_at IS NOT NULL FROM transactions WHERE tx_id = :txId")
                .param("txId", txId)
                .query(Boolean.class)
                .single();
    }

    /** Which branches acknowledged PRE-COMMIT, in PREPARE order. */
    protected List<Boolean> preCommitAcknowledgements(String txId) {
        return jdbc.sql("SELECT pre_committed FROM branches WHERE tx_id = :txId ORDER BY position")
                .param("txId", txId)
                .query(Boolean.class)
                .list();
    }

    protected List<Boolean> acknowledgements(String txId) {
        return jdbc.sql("SELECT acknowledged FROM branches WHERE tx_id = :txId ORDER BY position")
                .param("txId", txId)
                .query(Boolean.class)
                .list();
    }

    /** How many branches have a vote in the log. */
    /**
     * The votes operators see: those the log holds, and those the run in this instance has not written yet (votes
     * are written with the decision).
     */
    protected long votesKnown(String txId) {
        return describe.item(txId).branches().stream()
                .filter(branch -> branch.vote() != null)
                .count();
    }

    /** The transaction's timeline, by short event type, in time order. */
    protected List<String> timelineTypes(String txId) {
        return loggedTransactions.find(txId).map(timeline::of).orElse(List.of()).stream()
                .map(TimelineEntry::type)
                .toList();
    }

    protected long votesLogged(String txId) {
        return jdbc.sql("SELECT count(*) FROM branches WHERE tx_id = :txId AND vote IS NOT NULL")
                .param("txId", txId)
                .query(Long.class)
                .single();
    }

    /** Which instance owns the transaction now, and at which epoch. */
    protected Ownership ownership(String txId) {
        return jdbc.sql("SELECT owner, epoch FROM transactions WHERE tx_id = :txId")
                .param("txId", txId)
                .query(Ownership.class)
                .single();
    }

    public record LogRow(String state, String decision, String reason, boolean decided, boolean ended) {}

    public record Ownership(String owner, long epoch) {}
}
