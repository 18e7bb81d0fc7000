package dev.txsuite.protocol.coordinator;

import static dev.txsuite.protocol.coordinator.TxScript.acked;
import static dev.txsuite.protocol.coordinator.TxScript.no;
import static dev.txsuite.protocol.coordinator.TxScript.playFrom;
import static dev.txsuite.protocol.coordinator.TxScript.preCommitAcked;
import static dev.txsuite.protocol.coordinator.TxScript.yes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.LogPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import dev.txsuite.protocol.coordinator.TxOutput.TellInitiator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A transaction begun by one of its participants (order-service for its order), which prepared its own branch and
 * voted YES with the begin: no PREPARE goes to it, and the decision reaches it as the answer to its begin.
 */
class InitiatorTests {

    private static final String ORDER = "order";
    private static final String INVENTORY = "inventory";
    private static final String PAYMENT = "payment";
    private static final List<String> PARTICIPANTS = List.of(ORDER, INVENTORY, PAYMENT);

    @Test
    void shouldSendPrepareToTheOtherParticipantsOnly() {
        var step = play2pc(new Start());

        assertThat(step.outputs()).containsExactly(new SendPrepare(INVENTORY), new SendPrepare(PAYMENT));
        assertThat(step.next().votes()).containsEntry(ORDER, Vote.yes());
    }

    @Test
    void shouldForceTheCommitThenAnswerTheInitiatorAndCountItAcknowledged() {
        var step = play2pc(new Start(), yes(INVENTORY), yes(PAYMENT));

        assertThat(step.outputs())
                .containsExactly(
                        new RecordVote(PAYMENT, Vote.yes()),
                        new LogDecision(Decision.COMMIT, null, true),
                        new TellInitiator(ORDER, Decision.COMMIT),
                        new RecordAck(ORDER),
                        new SendDecision(INVENTORY, Decision.COMMIT),
                        new SendDecision(PAYMENT, Decision.COMMIT));
        assertThat(step.next().acked()).containsExactly(ORDER);
    }

    @Test
    void shouldEndOnceTheOthersAcknowledged() {
        var step = play2pc(new Start(), yes(INVENTORY), yes(PAYMENT), acked(INVENTORY), acked(PAYMENT));

        assertThat(step.outputs()).containsExactly(new RecordAck(PAYMENT), new LogEnd());
        assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
    }

    @Test
    void shouldAnswerTheInitiatorAnAbortAndNeverSendItTheDecisionAgain() {
        var aborted = play2pc(new Start(), no(INVENTORY, "OUT_OF_STOCK"));

        assertThat(aborted.outputs())
                .containsExactly(
                        new RecordVote(INVENTORY, Vote.no("OUT_OF_STOCK")),
                        new LogDecision(Decision.ABORT, "OUT_OF_STOCK", false),
                        new TellInitiator(ORDER, Decision.ABORT),
                        new RecordAck(ORDER),
                        new SendDecision(PAYMENT, Decision.ABORT));
        assertThat(CoordinatorMachine.on(aborted.next(), new Retry()).outputs())
                .containsExactly(new SendDecision(PAYMENT, Decision.ABORT));
    }

    @Test
    void shouldTellTheInitiatorWhenARecoveryAbortsWhatItBegan() {
        var step = play2pc(new Start(), yes(INVENTORY), new Recover());

        assertThat(step.outputs())
                .startsWith(
                        new LogDecision(Decision.ABORT, Reasons.COORDINATOR_RECOVERY, false),
                        new TellInitiator(ORDER, Decision.ABORT));
    }

    @Test
    void shouldPreCommitTheInitiatorToo() {
        var preCommitting = play3pc(new Start(), yes(INVENTORY), yes(PAYMENT));

        assertThat(preCommitting.outputs())
                .containsExactly(
                        new RecordVote(PAYMENT, Vote.yes()),
                        new LogPreCommit(),
                        new SendPreCommit(ORDER),
                        new SendPreCommit(INVENTORY),
                        new SendPreCommit(PAYMENT));

        var committed = CoordinatorMachine.on(
                CoordinatorMachine.on(
                                CoordinatorMachine.on(preCommitting.next(), preCommitAcked(ORDER))
                                        .next(),
                                preCommitAcked(INVENTORY))
                        .next(),
                preCommitAcked(PAYMENT));
        assertThat(committed.outputs())
                .contains(new TellInitiator(ORDER, Decision.COMMIT))
                .doesNotContain(new SendDecision(ORDER, Decision.COMMIT));
    }

    @Test
    void shouldRefuseAnInitiatorThatIsNotAParticipant() {
        assertThatThrownBy(() -> TxState.begunBy("shipping", "tx-1", Protocol.TWO_PHASE, PARTICIPANTS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shipping");
    }

    private static TxStep play2pc(TxInput... inputs) {
        return playFrom(TxState.begunBy(ORDER, "tx-1", Protocol.TWO_PHASE, PARTICIPANTS, 1), inputs);
    }

    private static TxStep play3pc(TxInput... inputs) {
        return playFrom(TxState.begunBy(ORDER, "tx-1", Protocol.THREE_PHASE, PARTICIPANTS, 1), inputs);
    }
}
