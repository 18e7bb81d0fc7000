package dev.txsuite.participant.counting;

import static dev.txsuite.participant.counting.Messages.units;
import static dev.txsuite.testing.ParticipantEndpoints.newTxId;
import static dev.txsuite.testing.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.protocol.Reasons;
import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.ParticipantEndpoints;
import dev.txsuite.testing.ParticipantEndpoints.VoteAnswer;
import dev.txsuite.testing.ParticipantTestConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

/**
 * The fault points of a participant (fault injection enabled in the test application): a forced NO vote, a
 * delayed message, and the halt points the library declares. Same settings as {@link ThreePhaseEndpointsTests},
 * so both run in one application, whose timers never expire during a test.
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
class FaultPointsTests {

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
    void shouldVoteTheForcedNoWithoutDoingTheWorkAndRecordItAsAnyNoVote() {
        var txId = newTxId();
        arm("""
                {"voteNo":"OUT_OF_STOCK"}""");

        branches.prepare(txId, units(3)).expectStatus().isOk().expectBody().json("""
                        {"txId":"%s","participant":"alpha","vote":"NO","reason":"OUT_OF_STOCK"}""".formatted(txId));

        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("ABORTED");
        assertThat(row.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(row.deadline()).as("a NO vote leaves nothing in doubt").isNull();
        assertThat(database.work(txId)).as("the business work never ran").isEmpty();

        // disarmed, a repeated PREPARE answers the recorded vote and still does no work
        client.delete().uri("/tx/faults").exchange().expectStatus().isOk();
        assertThat(branches.answerTo(txId, units(3))).isEqualTo(new VoteAnswer(txId, "alpha", "NO", "OUT_OF_STOCK"));
        assertThat(database.work(txId)).isEmpty();
    }

    @Test
    void shouldStillRefuseAMalformedPrepareWhileForcedToVoteNo() {
        var txId = newTxId();
        arm("""
                {"voteNo":"OUT_OF_STOCK"}""");

        expectProblem(
                branches.prepare(txId, Map.of("units", "many")), HttpStatus.BAD_REQUEST, "invalid-branch-message");

        assertThat(database.branch(txId)).isEmpty();
    }

    @Test
    void shouldApplyADelayedPrepareAfterTheAbortThatOvertookIt() {
        var txId = newTxId();
        // far longer than one ABORT takes, so the ABORT lands while the PREPARE waits
        arm("""
                {"delayMillis":{"prepare":3000}}""");

        var prepare = CompletableFuture.supplyAsync(() -> branches.answerTo(txId, units(3)));
        branches.abort(txId, 1, Reasons.VOTE_TIMEOUT)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ABORTED");

        assertThat(prepare)
                .succeedsWithin(Duration.ofSeconds(30))
                .isEqualTo(new VoteAnswer(txId, "alpha", "NO", Reasons.ALREADY_ABORTED));
        var row = database.branch(txId).orElseThrow();
        assertThat(row.state()).isEqualTo("ABORTED");
        assertThat(row.reason()).isEqualTo(Reasons.VOTE_TIMEOUT);
        assertThat(database.work(txId))
                .as("the late PREPARE found the tombstone and reserved nothing")
                .isEmpty();
    }

    @Test
    void shouldListTheHaltPointsOfAParticipantAndRefuseOthers() {
        client.get()
                .uri("/tx/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.haltPoints")
                .isEqualTo(List.of("decision-applied", "prepared"));

        client.put()
                .uri("/tx/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"haltAt":["votes-collected"]}""")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://txsuite.dev/problems/invalid-fault-plan");
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
