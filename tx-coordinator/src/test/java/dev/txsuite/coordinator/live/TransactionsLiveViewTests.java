package dev.txsuite.coordinator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.txsuite.coordinator.live.LiveTransactions.LiveTransaction;
import dev.txsuite.coordinator.live.LiveTransactions.Participant;
import dev.txsuite.coordinator.live.TransactionsLiveView.AppliedEvent;
import dev.txsuite.coordinator.log.TransactionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransactionsLiveViewTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    private final TransactionsLiveView view =
            new TransactionsLiveView(new LiveViewProperties(2, Duration.ofMinutes(15)));

    @Test
    void shouldBuildTheSameTransactionWhateverOrderItsEventsArriveIn() {
        view.apply(event("tx-1", TransactionEvent.Completed.TYPE, 5, Map.of("outcome", "COMMITTED")));
        view.apply(event("tx-1", TransactionEvent.BranchAcknowledged.TYPE, 4, Map.of("participant", "payment")));
        view.apply(
                event("tx-1", TransactionEvent.VoteReceived.TYPE, 2, Map.of("participant", "payment", "vote", "YES")));
        view.apply(event(
                "tx-1",
                TransactionEvent.Begun.TYPE,
                0,
                Map.of("protocol", "2PC", "owner", "coordinator-1", "participants", List.of("order", "payment"))));
        view.apply(event("tx-1", TransactionEvent.Decided.TYPE, 3, Map.of("decision", "COMMIT")));

        var live = view.snapshot(START.plusSeconds(10));

        assertThat(live.inFlight()).isEmpty();
        assertThat(live.recent()).singleElement().satisfies(tx -> {
            assertThat(tx.startedAt()).isEqualTo(START);
            assertThat(tx.durationMillis()).isEqualTo(5000);
            assertThat(tx.owner()).isEqualTo("coordinator-1");
            assertThat(tx.epoch()).isEqualTo(1);
            assertThat(tx.outcome()).isEqualTo("COMMITTED");
            assertThat(tx.participants())
                    .containsExactly(
                            new Participant("order", null, null, false, false, null),
                            new Participant("payment", "YES", null, true, false, null));
            assertThat(tx.events())
                    .extracting(LiveTransactions.Event::type)
                    .containsExactly("begun", "vote-received", "decided", "branch-acknowledged", "completed");
        });
    }

    @Test
    void shouldFollowAThreePhaseCommitThroughPreCommitToABranchThatEndedAgainstTheDecision() {
        view.apply(event(
                "tx-3pc",
                TransactionEvent.Begun.TYPE,
                0,
                Map.of("protocol", "3PC", "owner", "coordinator-1", "participants", List.of("order", "payment"))));
        view.apply(event("tx-3pc", TransactionEvent.PreCommitted.TYPE, 1, Map.of()));
        view.apply(event("tx-3pc", TransactionEvent.BranchPreCommitted.TYPE, 2, Map.of("participant", "order")));

        assertThat(view.snapshot(START.plusSeconds(3)).inFlight())
                .singleElement()
                .satisfies(tx -> {
                    assertThat(tx.phase()).isEqualTo("PRE_COMMITTING");
                    assertThat(tx.decision()).isNull();
                    assertThat(tx.participants())
                            .containsExactly(
                                    new Participant("order", null, null, false, true, null),
                                    new Participant("payment", null, null, false, false, null));
                });

        view.apply(event("tx-3pc", TransactionEvent.Decided.TYPE, 4, Map.of("decision", "COMMIT")));
        view.apply(event(
                "tx-3pc",
                TransactionEvent.BranchConflict.TYPE,
                5,
                Map.of("participant", "payment", "state", "ABORTED")));

        assertThat(view.snapshot(START.plusSeconds(6)).inFlight())
                .singleElement()
                .satisfies(tx -> {
                    assertThat(tx.phase()).isEqualTo("COMMITTING");
                    assertThat(tx.participants())
                            .filteredOn(participant -> participant.participant().equals("payment"))
                            .containsExactly(new Participant("payment", null, null, true, false, "ABORTED"));
                    assertThat(tx.events())
                            .extracting(LiveTransactions.Event::type)
                            .containsExactly(
                                    "begun", "pre-committed", "branch-pre-committed", "decided", "branch-conflict");
                });
    }

    @Test
    void shouldShowTheOwnerOfTheHighestEpochWhateverOrderTheBegunAndTakenOverEventsArriveIn() {
        view.apply(event(
                "tx-5",
                TransactionEvent.TakenOver.TYPE,
                6,
                Map.of("previousOwner", "coordinator-1", "newOwner", "coordinator-2", "epoch", 2)));
        view.apply(event(
                "tx-5",
                TransactionEvent.Begun.TYPE,
                0,
                Map.of("protocol", "2PC", "owner", "coordinator-1", "participants", List.of("order", "payment"))));

        assertThat(view.snapshot(START.plusSeconds(7)).inFlight())
                .singleElement()
                .satisfies(tx -> {
                    assertThat(tx.owner()).isEqualTo("coordinator-2");
                    assertThat(tx.epoch()).isEqualTo(2);
                    assertThat(tx.startedAt()).isEqualTo(START);
                    assertThat(tx.events())
                            .extracting(LiveTransactions.Event::type)
                            .containsExactly("begun", "taken-over");
                });
        assertThatIllegalArgumentException()
                .isThrownBy(() -> view.apply(
                        event("tx-5", TransactionEvent.TakenOver.TYPE, 8, Map.of("newOwner", "coordinator-3"))));
    }

    @Test
    void shouldNotBringBackATransactionThatDroppedOffTheRecentList() {
        var late = event("tx-old", TransactionEvent.BranchAcknowledged.TYPE, 1, Map.of("participant", "order"));
        view.apply(event("tx-old", TransactionEvent.Completed.TYPE, 2, Map.of("outcome", "ABORTED")));
        view.apply(event("tx-2", TransactionEvent.Completed.TYPE, 3, Map.of("outcome", "COMMITTED")));
        view.apply(event("tx-3", TransactionEvent.Completed.TYPE, 4, Map.of("outcome", "COMMITTED")));

        assertThat(view.apply(late)).isFalse();

        var live = view.snapshot(START.plusSeconds(10));
        assertThat(live.inFlight()).isEmpty();
        assertThat(live.recent()).extracting(LiveTransaction::txId).containsExactly("tx-3", "tx-2");
    }

    @Test
    void shouldLeaveEventsOfAnUnknownTypeAloneAndRefuseUnreadableOnes() {
        assertThat(view.apply(event("tx-4", "dev.txsuite.tx.begun.v2", 0, Map.of())))
                .isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> view.apply(event("tx-4", TransactionEvent.VoteReceived.TYPE, 1, Map.of("vote", "YES"))));

        assertThat(view.snapshot(START).inFlight()).isEmpty();
    }

    @Test
    void shouldTellItsListenersOfEveryEventItAppliedAndOfNoOther() {
        var told = new ArrayList<AppliedEvent>();
        view.onApplied(told::add);
        var decided = event("tx-6", TransactionEvent.Decided.TYPE, 1, Map.of("decision", "ABORT"));

        view.apply(decided);
        view.apply(decided);
        view.apply(event("tx-6", "dev.txsuite.tx.begun.v2", 0, Map.of()));
        view.apply(event(
                "tx-6",
                TransactionEvent.DeliveryFailed.TYPE,
                2,
                Map.of("participant", "payment", "message", "ABORT", "attempt", 1, "error", "refused")));
        view.apply(
                event("tx-6", TransactionEvent.OperatorAction.TYPE, 3, Map.of("action", "RETRY", "operator", "alice")));

        assertThat(told)
                .containsExactly(
                        new AppliedEvent("tx-6", "decided", START.plusSeconds(1)),
                        new AppliedEvent("tx-6", "delivery-failed", START.plusSeconds(2)),
                        new AppliedEvent("tx-6", "operator-action", START.plusSeconds(3)));
        assertThat(view.snapshot(START.plusSeconds(4)).inFlight())
                .singleElement()
                .satisfies(tx -> assertThat(tx.events())
                        .extracting(LiveTransactions.Event::type, LiveTransactions.Event::participant)
                        .containsExactly(
                                tuple("decided", null),
                                tuple("delivery-failed", "payment"),
                                tuple("operator-action", null)));
    }

    private static ReceivedEvent event(String txId, String type, int secondsAfterStart, Map<String, Object> data) {
        return new ReceivedEvent(
                UUID.randomUUID().toString(), type, txId, START.plusSeconds(secondsAfterStart), JSON.valueToTree(data));
    }
}
