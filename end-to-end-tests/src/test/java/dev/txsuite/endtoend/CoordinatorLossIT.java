package dev.txsuite.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.testing.RecordedEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What each protocol does when its coordinator is lost, side by side on the same real processes: the coordinator
 * is halted (as {@code kill -9} would stop it) at a named point of the protocol by fault injection, and the
 * participants are watched in their own databases while it is gone. Under 3PC they finish on their own (commit
 * after PRE-COMMIT, abort before it); under 2PC they stay in doubt, stock and money held, until the coordinator
 * returns. The last test cuts the network so that 3PC's known split happens, and shows the invariant checker
 * catching it. The methods run in order: each starts the coordinator the previous one halted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorLossIT extends SuiteTest {

    /** Participants time out after 3 s; 3PC's termination then needs a few round trips. */
    private static final Duration PARTICIPANTS_FINISH_WITHIN = Duration.ofSeconds(30);

    /** Longer than several participant timeouts: 2PC participants would have decided by then, if they ever did. */
    private static final Duration STAYS_IN_DOUBT_FOR = Duration.ofSeconds(10);

    private static final Map<String, String> FAULTS_AND_SHORT_PARTICIPANT_TIMEOUTS = Map.of(
            "TXSUITE_FAULTS_ENABLED", "true",
            "TXSUITE_PARTICIPANT_READYTIMEOUT", "3s",
            "TXSUITE_PARTICIPANT_PRECOMMITTIMEOUT", "3s",
            "TXSUITE_PARTICIPANT_TIMERINTERVAL", "500ms");

    @Override
    EndToEndSuite startSuite() {
        return EndToEndSuite.start(FAULTS_AND_SHORT_PARTICIPANT_TIMEOUTS);
    }

    @Test
    @Order(1)
    void shouldConfirmA3pcOrderAndShowItsThreePhasesInTxEvents() {
        var placed =
                gateway.placeOrder(OrderRequest.of("alice", 1, "MUG-CERAMIC").withProtocol("3PC"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.text("status")).isEqualTo("CONFIRMED");
        assertThat(placed.text("protocol")).isEqualTo("3PC");
        var txId = placed.text("transactionId");
        assertThat(gateway.get("/api/orders/" + placed.text("orderId")).text("protocol"))
                .isEqualTo("3PC");
        await().atMost(PARTICIPANTS_FINISH_WITHIN)
                .untilAsserted(() -> assertThat(txEvents.recordsWithKey(txId))
                        .extracting(RecordedEvent::type)
                        // the transaction-level facts; votes and acknowledgements stay in the coordinator's log
                        .containsExactly(
                                "dev.txsuite.tx.begun.v1",
                                "dev.txsuite.tx.pre-committed.v1",
                                "dev.txsuite.tx.decided.v1",
                                "dev.txsuite.tx.completed.v1"));
        assertThat(txEvents.recordsWithKey(txId).getFirst().value()).contains("\"3PC\"");
    }

    @Test
    @Order(2)
    void shouldCommitOnTheirOwnWhenThe3pcCoordinatorIsLostAfterEveryPreCommitWasAcknowledged() {
        var mugs = databases.onHand("MUG-CERAMIC");
        var bob = databases.balance("bob");
        haltCoordinatorAt("pre-commit-done");

        var placed = gateway.placeOrder(OrderRequest.of("bob", 2, "MUG-CERAMIC").withProtocol("3PC"));

        assertThat(placed.status())
                .as("the outcome is unknown when the coordinator dies: %s", placed)
                .isEqualTo(202);
        awaitCoordinatorHalted();
        var orderId = placed.text("orderId");
        var txId = databases.transactionIdOfOrder(orderId).orElseThrow();
        awaitBranches(txId, "COMMITTED", "COMMITTED", "COMMITTED");
        assertThat(suite.isRunning(SuiteService.COORDINATOR))
                .as("the participants finished without any coordinator")
                .isFalse();
        assertThat(databases.orderStatus(orderId)).contains("CONFIRMED");
        assertThat(databases.onHand("MUG-CERAMIC")).isEqualTo(mugs - 2);
        assertThat(databases.reserved("MUG-CERAMIC")).isZero();
        assertThat(databases.balance("bob")).isEqualTo(bob - 2 * 1200);
        assertThat(databases.held("bob")).isZero();
    }

    @Test
    @Order(3)
    void shouldAbortOnTheirOwnWhenThe3pcCoordinatorIsLostAfterTheVotes() {
        suite.restart(SuiteService.COORDINATOR);
        var mugs = databases.onHand("MUG-CERAMIC");
        var bob = databases.balance("bob");
        haltCoordinatorAt("votes-collected");

        var placed = gateway.placeOrder(OrderRequest.of("bob", 1, "MUG-CERAMIC").withProtocol("3PC"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(202);
        awaitCoordinatorHalted();
        var orderId = placed.text("orderId");
        await().atMost(PARTICIPANTS_FINISH_WITHIN)
                .untilAsserted(() -> assertThat(databases.orderStatus(orderId)).contains("REJECTED"));
        assertThat(suite.isRunning(SuiteService.COORDINATOR)).isFalse();
        assertThat(gateway.get("/api/orders/" + orderId).text("reason")).isEqualTo("COORDINATOR_LOST");
        var txId = databases.transactionIdOfOrder(orderId).orElseThrow();
        awaitBranches(txId, "ABORTED", "ABORTED", "ABORTED");
        assertThat(databases.onHand("MUG-CERAMIC")).isEqualTo(mugs);
        assertThat(databases.reserved("MUG-CERAMIC")).isZero();
        assertThat(databases.balance("bob")).isEqualTo(bob);
        assertThat(databases.held("bob")).isZero();
    }

    @Test
    @Order(4)
    void shouldLeave2pcBranchesInDoubtUntilTheCoordinatorReturnsThenResolveThem() {
        suite.restart(SuiteService.COORDINATOR);
        var bob = databases.balance("bob");
        haltCoordinatorAt("votes-collected");

        var placed = gateway.placeOrder(OrderRequest.of("bob", 1, "MUG-CERAMIC"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(202);
        awaitCoordinatorHalted();
        var orderId = placed.text("orderId");
        var txId = databases.transactionIdOfOrder(orderId).orElseThrow();
        // 2PC blocks: for longer than 3PC needed above, nothing moves; the stock and the money stay held
        await().during(STAYS_IN_DOUBT_FOR)
                .atMost(STAYS_IN_DOUBT_FOR.plusSeconds(5))
                .untilAsserted(() -> {
                    assertThat(databases.branchStates(txId)).isEqualTo(branches("PREPARED", "PREPARED", "PREPARED"));
                    assertThat(databases.orderStatus(orderId)).contains("PENDING");
                    assertThat(databases.reserved("MUG-CERAMIC")).isEqualTo(1);
                    assertThat(databases.held("bob")).isEqualTo(1200);
                });

        suite.restart(SuiteService.COORDINATOR);

        // presumed abort: the coordinator's recovery aborts what it had not decided
        await().atMost(PARTICIPANTS_FINISH_WITHIN)
                .untilAsserted(() -> assertThat(databases.orderStatus(orderId)).contains("REJECTED"));
        await().atMost(PARTICIPANTS_FINISH_WITHIN).untilAsserted(() -> {
            assertThat(databases.reserved("MUG-CERAMIC")).isZero();
            assertThat(databases.held("bob")).isZero();
        });
        assertThat(databases.balance("bob")).isEqualTo(bob);
    }

    @Test
    @Order(5)
    void shouldKeepEveryInvariantThroughTheCrashFailures() {
        await().atMost(PARTICIPANTS_FINISH_WITHIN).until(databases::isQuiet);

        databases.assertInvariantsSince(start);
    }

    /**
     * 3PC is non-blocking only under crash failures. Here inventory holds PRE-COMMIT and is cut off from the
     * order and payment services, which never got theirs; the coordinator is lost. Inventory's termination
     * protocol sees only itself, PRE-COMMITTED, and commits; the other two see each other READY and abort. The
     * invariant checker must report the split.
     */
    @Test
    @Order(6)
    void shouldSplitUnderANetworkPartitionAsThreePhaseCommitIsKnownToAndReportIt() {
        suite.restart(SuiteService.COORDINATOR);
        haltCoordinatorAt("pre-commit-done");
        arm(SuiteService.ORDER, """
                {"drop":["pre-commit"],"unreachable":["inventory"]}""");
        arm(SuiteService.PAYMENT, """
                {"drop":["pre-commit"],"unreachable":["inventory"]}""");
        arm(SuiteService.INVENTORY, """
                {"unreachable":["order","payment","coordinator"]}""");

        var placed =
                gateway.placeOrder(OrderRequest.of("carol", 1, "FILTER-PAPERS").withProtocol("3PC"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(202);
        awaitCoordinatorHalted();
        var orderId = placed.text("orderId");
        var txId = databases.transactionIdOfOrder(orderId).orElseThrow();
        awaitBranches(txId, "ABORTED", "COMMITTED", "ABORTED");
        assertThat(databases.orderStatus(orderId)).contains("REJECTED");
        assertThat(databases.violationsSince(start))
                .as("the invariant checker reports the split")
                .anySatisfy(violation -> assertThat(violation)
                        .contains(txId)
                        .contains("committed in some participants and aborted in others"))
                .anySatisfy(violation -> assertThat(violation).contains("FILTER-PAPERS"));
    }

    private void awaitBranches(String txId, String order, String inventory, String payment) {
        await().atMost(PARTICIPANTS_FINISH_WITHIN)
                .untilAsserted(
                        () -> assertThat(databases.branchStates(txId)).isEqualTo(branches(order, inventory, payment)));
    }

    private static Map<String, String> branches(String order, String inventory, String payment) {
        return Map.of("order", order, "inventory", inventory, "payment", payment);
    }

    private void haltCoordinatorAt(String point) {
        arm(SuiteService.COORDINATOR, """
                {"haltAt":["%s"]}""".formatted(point));
    }

    private void arm(SuiteService service, String plan) {
        var armed = gateway.put(suite.uriOf(service).resolve("/tx/faults").toString(), plan);
        assertThat(armed.status())
                .as("arming %s on %s: %s", plan, service, armed)
                .isEqualTo(200);
    }

    private void awaitCoordinatorHalted() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !suite.isRunning(SuiteService.COORDINATOR));
    }
}
