package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.testing.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two tx-coordinator instances on the one coordinator database; order-service and the participants know only the
 * first. The first is frozen with SIGSTOP in the middle of a 2PC transaction, right before it would log COMMIT:
 * it stops renewing its lease, the second takes the transaction over at epoch 2 and aborts it (presumed abort:
 * nothing was decided). When the first wakes up (SIGCONT) and goes on to commit, it is fenced out: its write is
 * refused, no branch commits, and the transaction stays as the second left it.
 */
class CoordinatorFailoverIT extends SuiteTest {

    private static final String FIRST = "coordinator-1";
    private static final String SECOND = "coordinator-2";

    /** Short leases, so that the takeover comes within seconds; fault injection to hold the first instance up. */
    private static final Map<String, String> TWO_COORDINATORS_WITH_SHORT_LEASES = Map.of(
            "TXSUITE_FAULTS_ENABLED", "true",
            "COORDINATOR_LEASE", "2s",
            "COORDINATOR_LEASE_RENEWAL", "500ms");

    /**
     * The first coordinator waits this long once every vote is YES, before it logs COMMIT: the moment it is frozen
     * in. Long enough to see the votes and send the signal; it sleeps the rest after it wakes.
     */
    private static final long HELD_BEFORE_COMMIT_MILLIS = 8_000;

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final Map<String, String> PREPARED_EVERYWHERE =
            Map.of("order", "PREPARED", "inventory", "PREPARED", "payment", "PREPARED");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    EndToEndSuite startSuite() {
        return EndToEndSuite.start(TWO_COORDINATORS_WITH_SHORT_LEASES, 2);
    }

    @Test
    void shouldLetTheSecondCoordinatorFinishWhatThePausedFirstOneLeftAndFenceTheFirstOutWhenItWakes() {
        var mugs = databases.onHand("MUG-CERAMIC");
        var bob = databases.balance("bob");
        arm(FIRST, """
                {"delayMillis":{"votes-collected":%d}}""".formatted(HELD_BEFORE_COMMIT_MILLIS));

        var placing = gateway.placeOrderAsync(OrderRequest.of("bob", 1, "MUG-CERAMIC"), null);

        var txId = await().atMost(WITHIN)
                .until(this::preparedEverywhereAndUndecided, Optional::isPresent)
                .orElseThrow();
        suite.pause(FIRST);
        try {
            await().atMost(WITHIN)
                    .untilAsserted(
                            () -> assertThat(loggedAs(txId)).isEqualTo(new Logged("ABORTED", "ABORT", SECOND, 2)));
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(takenOver(txId))
                            .singleElement()
                            .satisfies(event -> {
                                var body = json.readTree(event.value());
                                assertThat(body.get("previousOwner").asString()).isEqualTo(FIRST);
                                assertThat(body.get("newOwner").asString()).isEqualTo(SECOND);
                                assertThat(body.get("epoch").asLong()).isEqualTo(2);
                            }));
            awaitEveryBranchAborted(txId);
            assertThat(databases.reserved("MUG-CERAMIC")).isZero();
            assertThat(databases.held("bob")).isZero();
        } finally {
            suite.resume(FIRST);
        }

        // awake, the first instance goes on to log COMMIT at epoch 1: refused, and nothing is sent
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(logOf(FIRST))
                        .contains("this instance was fenced out of transaction " + txId + " by " + SECOND
                                + " at epoch 2"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(loggedAs(txId)).isEqualTo(new Logged("ABORTED", "ABORT", SECOND, 2));
            assertThat(databases.branchStates(txId)).doesNotContainValue("COMMITTED");
        });
        var placed = placing.join();
        assertThat(placed.status())
                .as("rejected, or 202 when the first coordinator answered after the request deadline: %s", placed)
                .isIn(202, 409, 503);
        var orderId = placed.text("orderId");
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(databases.orderStatus(orderId)).contains("REJECTED"));
        assertThat(databases.onHand("MUG-CERAMIC")).isEqualTo(mugs);
        assertThat(databases.balance("bob")).isEqualTo(bob);

        await().atMost(WITHIN).until(databases::isQuiet);
        databases.assertInvariantsSince(start);
    }

    /**
     * The transaction every participant has prepared (their own logs say so) and the coordinator has not decided yet,
     * if there is one. The coordinator keeps the votes in memory until it logs the decision, so its log cannot tell.
     */
    private Optional<String> preparedEverywhereAndUndecided() {
        return query("SELECT tx_id FROM transactions WHERE state = 'PREPARING'").stream()
                .map(List::getFirst)
                .filter(txId -> databases.branchStates(txId).equals(PREPARED_EVERYWHERE))
                .findFirst();
    }

    /** The transaction's row in the coordinator database. */
    private Logged loggedAs(String txId) {
        var row = query("SELECT state, decision, owner, epoch FROM transactions WHERE tx_id = ?", txId)
                .getFirst();
        return new Logged(row.get(0), row.get(1), row.get(2), Long.parseLong(row.get(3)));
    }

    private record Logged(String state, String decision, String owner, long epoch) {}

    /** The rows the query finds in the coordinator database, each column as text. */
    private List<List<String>> query(String sql, String... parameters) {
        var database = suite.database(SuiteService.COORDINATOR);
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var columns = rows.getMetaData().getColumnCount();
                var result = new ArrayList<List<String>>();
                while (rows.next()) {
                    var values = new ArrayList<String>();
                    for (var column = 1; column <= columns; column++) {
                        values.add(rows.getString(column));
                    }
                    result.add(values);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the coordinator database: " + sql, e);
        }
    }

    private List<RecordedEvent> takenOver(String txId) {
        return txEvents.recordsWithKey(txId).stream()
                .filter(event -> "dev.txsuite.tx.taken-over.v1".equals(event.type()))
                .toList();
    }

    private void awaitEveryBranchAborted(String txId) {
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(databases.branchStates(txId))
                        .isEqualTo(Map.of("order", "ABORTED", "inventory", "ABORTED", "payment", "ABORTED")));
    }

    private String logOf(String instance) {
        try {
            return Files.readString(suite.logOf(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void arm(String instance, String plan) {
        var armed = gateway.put(suite.uriOf(instance).resolve("/tx/faults").toString(), plan);
        assertThat(armed.status())
                .as("arming %s on %s: %s", plan, instance, armed)
                .isEqualTo(200);
    }
}
