package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.canCommit;
import static dev.txsuite.participant.counting.Messages.epoch;
import static dev.txsuite.participant.counting.Messages.peer;
import static dev.txsuite.participant.counting.Messages.units;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.participant.counting.ParticipantDatabase.WorkRow;
import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantTestConfiguration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol endpoints under three-phase commit, on one counting participant ("alpha") whose timers are long
 * enough never to expire during a test: CAN-COMMIT, PRE-COMMIT, the timers they arm, refusals, dropped messages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "txsuite.participant.ready-timeout=1m",
            "txsuite.participant.pre-commit-timeout=2m",
            "txsuite.participant.coordinator-url=http://127.0.0.1:9"
        })
@AutoConfigureRestTestClient
@Import({FreshDatabaseConfiguration.class, ParticipantTestConfiguration.class})
class ThreePhaseEndpointsTests {

    private static final long READY_TIMER = 60_000;
    private static final long PRE_COMMIT_TIMER = 120_000;
    private static final List<Map<String, Object>> ALPHA_AND_BRAVO = List.of(
            peer("alpha", URI.create("http://127.0.0.1:8181")), peer("bravo", URI.create("http://127.0.0.1:8182")));

    @Autowired
    ParticipantEndpoints branches;

    @Autowired
    RestTestClient client;

    @Autowired
    DataSource dataSource;

    ParticipantDatabase database;

    @BeforeEach
    void lookIntoTheDatabase() {
        database = new ParticipantDatabase(dataSource);
    }

    @AfterEach
    void disarmFaults() {
        client.delete().uri("/tx/faults").exchange().expectStatus().isOk();
    }

    @Test
    void shouldRecordProtocolParticipantsAndReadyTimerOnCanCommit() {
        var txId = newTxId();

        branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"txId":"%s","participant":"alpha","vote":"YES","reason":null}""".formatted(txId));

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("PREPARED");
        assertThat(row.protocol()).isEqualTo("3PC");
        assertThat(row.participants()).isEqualTo(JsonMapper.builder().build().readTree("""
                [{"name":"alpha","url":"http://127.0.0.1:8181"},{"name":"bravo","url":"http://127.0.0.1:8182"}]"""));
        assertThat(row.timerMillis()).isEqualTo(READY_TIMER);
        assertThat(database.work(txId)).contains(new WorkRow(3, "PREPARED", null));
    }

    @Test
    void shouldRejectACanCommitWithoutAProperListOfParticipantsAndRecordNothing() {
        var txId = newTxId();
        var notAlpha = List.of(peer("bravo", URI.create("http://127.0.0.1:8182")));
        var twice = List.of(
                peer("alpha", URI.create("http://127.0.0.1:8181")), peer("alpha", URI.create("http://127.0.0.1:8181")));
        var noUrl = List.<Map<String, Object>>of(Map.of("name", "alpha"));

        for (var body : List.of(
                Map.of("epoch", 1, "protocol", "3PC", "payload", units(3)),
                canCommit(3, List.of()),
                canCommit(3, notAlpha),
                canCommit(3, twice),
                canCommit(3, noUrl))) {
            expectProblem(branches.post(txId, "prepare", body), HttpStatus.BAD_REQUEST, "invalid-branch-message");
        }

        assertThat(database.branch(txId)).isEmpty();
        assertThat(database.work(txId)).isEmpty();
    }

    @Test
    void shouldMoveAReadyBranchToPreCommittedWithThePreCommitTimer() {
        var txId = newTxId();
        branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO))
                .expectStatus()
                .isOk();

        branches.post(txId, "pre-commit", epoch(1))
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                {"txId":"%s","participant":"alpha","state":"PRE_COMMITTED"}""".formatted(txId));

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("PRE_COMMITTED");
        assertThat(row.timerMillis()).isEqualTo(PRE_COMMIT_TIMER);
        assertThat(database.work(txId)).contains(new WorkRow(3, "PREPARED", null));
        branches.describe(txId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("PRE_COMMITTED");
    }

    @Test
    void shouldAcknowledgeARepeatedPreCommitAndALateOneAfterTheCommit() {
        var txId = newTxId();
        branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO))
                .expectStatus()
                .isOk();
        branches.post(txId, "pre-commit", epoch(1)).expectStatus().isOk();

        branches.post(txId, "pre-commit", epoch(1))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("PRE_COMMITTED");
        branches.commit(txId).expectStatus().isOk();
        branches.post(txId, "pre-commit", epoch(1))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("COMMITTED");

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("COMMITTED");
        assertThat(row.deadline()).as("a final branch has no timer").isNull();
        assertThat(database.work(txId)).contains(new WorkRow(3, "COMMITTED", null));
    }

    @Test
    void shouldRefusePreCommitOnA2pcBranchNamingItsState() {
        var txId = newTxId();
        branches.prepare(txId, units(2)).expectStatus().isOk();

        expectProblem(branches.post(txId, "pre-commit", epoch(1)), HttpStatus.CONFLICT, "branch-conflict")
                .jsonPath("$.state")
                .isEqualTo("PREPARED");

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("PREPARED");
        assertThat(row.protocol()).isEqualTo("2PC");
        assertThat(database.work(txId)).contains(new WorkRow(2, "PREPARED", null));
    }

    @Test
    void shouldNameTheAbortedStateWhenRefusingMessagesAfterAnAbort() {
        var txId = newTxId();
        branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO))
                .expectStatus()
                .isOk();
        branches.abort(txId, 1, "COORDINATOR_LOST").expectStatus().isOk();

        expectProblem(branches.commit(txId), HttpStatus.CONFLICT, "branch-conflict")
                .jsonPath("$.state")
                .isEqualTo("ABORTED");
        expectProblem(branches.post(txId, "pre-commit", epoch(1)), HttpStatus.CONFLICT, "branch-conflict")
                .jsonPath("$.state")
                .isEqualTo("ABORTED");

        assertThat(database.stateOf(txId)).contains("ABORTED");
        assertThat(database.work(txId)).contains(new WorkRow(3, "ABORTED", "COORDINATOR_LOST"));
    }

    @Test
    void shouldRefusePreCommitForAnUnknownTransactionOrAnOlderEpoch() {
        var unknown = newTxId();
        expectProblem(branches.post(unknown, "pre-commit", epoch(1)), HttpStatus.NOT_FOUND, "unknown-transaction");
        assertThat(database.branch(unknown)).isEmpty();

        var txId = newTxId();
        branches.post(
                        txId,
                        "prepare",
                        Map.of("epoch", 2, "protocol", "3PC", "participants", ALPHA_AND_BRAVO, "payload", units(1)))
                .expectStatus()
                .isOk();
        expectProblem(branches.post(txId, "pre-commit", epoch(1)), HttpStatus.CONFLICT, "stale-epoch");
        assertThat(database.stateOf(txId)).contains("PREPARED");
    }

    @Test
    void shouldArmTheReadyTimerOfA2pcBranchToo() {
        var committed = newTxId();
        var refused = newTxId();

        branches.prepare(committed, units(4)).expectStatus().isOk();
        assertThat(database.branch(committed).orElseThrow().timerMillis()).isEqualTo(READY_TIMER);
        branches.commit(committed).expectStatus().isOk();
        branches.prepare(refused, units(0)).expectStatus().isOk();

        assertThat(database.branch(committed).orElseThrow().deadline()).isNull();
        assertThat(database.branch(refused).orElseThrow().state()).isEqualTo("ABORTED");
        assertThat(database.branch(refused).orElseThrow().deadline()).isNull();
    }

    @Test
    void shouldAnswer503AndApplyNothingWhenAMessageIsDropped() {
        var txId = newTxId();
        arm("""
                {"drop":["prepare"]}""");

        expectProblem(
                branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO)),
                HttpStatus.SERVICE_UNAVAILABLE,
                "message-dropped");
        assertThat(database.branch(txId)).isEmpty();
        assertThat(database.work(txId)).isEmpty();

        arm("""
                {"drop":["pre-commit","commit","abort"]}""");
        branches.post(txId, "prepare", canCommit(3, ALPHA_AND_BRAVO))
                .expectStatus()
                .isOk();
        expectProblem(branches.post(txId, "pre-commit", epoch(1)), HttpStatus.SERVICE_UNAVAILABLE, "message-dropped");
        expectProblem(branches.commit(txId), HttpStatus.SERVICE_UNAVAILABLE, "message-dropped");
        expectProblem(branches.abort(txId, 1, "VOTE_TIMEOUT"), HttpStatus.SERVICE_UNAVAILABLE, "message-dropped");

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("PREPARED");
        assertThat(row.timerMillis()).isEqualTo(READY_TIMER);
        assertThat(database.work(txId)).contains(new WorkRow(3, "PREPARED", null));
    }

    private void arm(String plan) {
        client.put()
                .uri("/tx/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .body(plan)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
