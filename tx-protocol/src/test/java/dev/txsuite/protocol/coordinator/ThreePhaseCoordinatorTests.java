package dev.txsuite.protocol.coordinator;

import static dev.txsuite.protocol.coordinator.TxScript.acked;
import static dev.txsuite.protocol.coordinator.TxScript.concat;
import static dev.txsuite.protocol.coordinator.TxScript.no;
import static dev.txsuite.protocol.coordinator.TxScript.playFrom;
import static dev.txsuite.protocol.coordinator.TxScript.preCommitAcked;
import static dev.txsuite.protocol.coordinator.TxScript.sentDecisions;
import static dev.txsuite.protocol.coordinator.TxScript.yes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.BranchStates;
import dev.txsuite.protocol.coordinator.TxInput.PreCommitFailed;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Refused;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.LogPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.QueryBranches;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordConflict;
import dev.txsuite.protocol.coordinator.TxOutput.RecordPreCommitAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPreCommit;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import dev.txsuite.protocol.participant.BranchState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ThreePhaseCoordinatorTests {

    private static final String ORDER = "order";
    private static final String INVENTORY = "inventory";
    private static final String PAYMENT = "payment";

    private static final TxInput START = new Start();
    private static final TxInput[] ALL_YES = {START, yes(ORDER), yes(INVENTORY), yes(PAYMENT)};
    private static final TxInput[] ALL_PRE_COMMITTED =
            concat(ALL_YES, preCommitAcked(ORDER), preCommitAcked(INVENTORY), preCommitAcked(PAYMENT));

    @Nested
    class CanCommit {

        @Test
        void shouldSendCanCommitToEveryParticipantOnStart() {
            var step = play(START);

            assertThat(step.outputs())
                    .containsExactly(new SendPrepare(ORDER), new SendPrepare(INVENTORY), new SendPrepare(PAYMENT));
        }

        @Test
        void shouldForceLogPreCommitBeforeSendingItOnceEveryVoteIsYes() {
            var step = play(ALL_YES);

            assertThat(step.next().phase()).isEqualTo(TxPhase.PRE_COMMITTING);
            assertThat(step.next().decision()).isNull();
            assertThat(step.outputs())
                    .containsExactly(
                            new RecordVote(PAYMENT, Vote.yes()),
                            new LogPreCommit(),
                            new SendPreCommit(ORDER),
                            new SendPreCommit(INVENTORY),
                            new SendPreCommit(PAYMENT));
        }

        @Test
        void shouldAbortWithoutAnyPreCommitOnANoVote() {
            var step = play(START, yes(ORDER), no(INVENTORY, "OUT_OF_STOCK"));

            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.outputs()).noneMatch(output -> output instanceof LogPreCommit);
            assertThat(step.outputs()).noneMatch(output -> output instanceof SendPreCommit);
            assertThat(step.outputs()).contains(new SendDecision(ORDER, Decision.ABORT));
        }

        @Test
        void shouldAbortOnTheVoteTimeoutLikeTwoPhaseCommit() {
            var step = play(START, yes(ORDER), new Timeout());

            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo(Reasons.VOTE_TIMEOUT);
        }

        @Test
        void shouldAbortAnUndecidedTransactionOnRecoverySinceNoBranchCanBePreCommitted() {
            var step = play(START, yes(ORDER), new Recover());

            assertThat(step.next().decision()).isEqualTo(Decision.ABORT);
            assertThat(step.next().reason()).isEqualTo(Reasons.COORDINATOR_RECOVERY);
        }
    }

    @Nested
    class PreCommit {

        @Test
        void shouldRecordEachAcknowledgementAndForceLogCommitAfterTheLast() {
            var afterTwo = play(concat(ALL_YES, preCommitAcked(ORDER), preCommitAcked(INVENTORY)));
            assertThat(afterTwo.next().phase()).isEqualTo(TxPhase.PRE_COMMITTING);
            assertThat(afterTwo.outputs()).containsExactly(new RecordPreCommitAck(INVENTORY));

            var afterLast = CoordinatorMachine.on(afterTwo.next(), preCommitAcked(PAYMENT));

            assertThat(afterLast.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(afterLast.outputs())
                    .containsExactly(
                            new RecordPreCommitAck(PAYMENT),
                            new LogDecision(Decision.COMMIT, null, true),
                            new SendDecision(ORDER, Decision.COMMIT),
                            new SendDecision(INVENTORY, Decision.COMMIT),
                            new SendDecision(PAYMENT, Decision.COMMIT));
        }

        @Test
        void shouldIgnoreARepeatedAcknowledgement() {
            var once = play(concat(ALL_YES, preCommitAcked(ORDER)));

            var twice = CoordinatorMachine.on(once.next(), preCommitAcked(ORDER));

            assertThat(twice.outputs()).isEmpty();
            assertThat(twice.next()).isEqualTo(once.next());
        }

        @Test
        void shouldIgnoreAPreCommitAcknowledgementAfterTheDecision() {
            var committing = play(ALL_PRE_COMMITTED).next();

            var step = CoordinatorMachine.on(committing, preCommitAcked(ORDER));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().acked()).isEmpty();
        }

        @Test
        void shouldCommitAnywayWhenAParticipantCannotBeGivenPreCommitSinceItIsPresumedCrashed() {
            var step = play(
                    concat(ALL_YES, preCommitAcked(ORDER), preCommitAcked(INVENTORY), new PreCommitFailed(PAYMENT)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(step.outputs()).doesNotContain(new RecordPreCommitAck(PAYMENT));
            assertThat(step.outputs()).contains(new SendDecision(PAYMENT, Decision.COMMIT));
        }

        @Test
        void shouldCommitWhenTheAcknowledgementDeadlinePasses() {
            var step = play(concat(ALL_YES, preCommitAcked(ORDER), new Timeout()));

            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(step.outputs()).contains(new LogDecision(Decision.COMMIT, null, true));
        }

        @Test
        void shouldResendPreCommitOnRetryOnlyToThoseThatHaveNotAcknowledged() {
            var step = play(concat(ALL_YES, preCommitAcked(ORDER), new Retry()));

            assertThat(step.outputs()).containsExactly(new SendPreCommit(INVENTORY), new SendPreCommit(PAYMENT));
        }

        @Test
        void shouldAbortWhenABranchRefusesPreCommitBecauseTheTerminationProtocolAbortedIt() {
            var step = play(concat(ALL_YES, preCommitAcked(ORDER), new Refused(PAYMENT, BranchState.ABORTED)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo(Reasons.COORDINATOR_LOST);
            assertThat(step.outputs())
                    .containsExactly(
                            new LogDecision(Decision.ABORT, Reasons.COORDINATOR_LOST, true),
                            new SendDecision(ORDER, Decision.ABORT),
                            new SendDecision(INVENTORY, Decision.ABORT),
                            new SendDecision(PAYMENT, Decision.ABORT));
        }
    }

    @Nested
    class DoCommit {

        @Test
        void shouldEndOnceEveryParticipantAcknowledgedTheCommit() {
            var step = play(concat(ALL_PRE_COMMITTED, acked(ORDER), acked(INVENTORY), acked(PAYMENT)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
            assertThat(step.outputs()).containsExactly(new RecordAck(PAYMENT), new LogEnd());
        }

        @Test
        void shouldRecordABranchThatEndedTheOtherWayAsAConflictAndStopSendingToIt() {
            var step = play(concat(
                    ALL_PRE_COMMITTED, acked(ORDER), acked(INVENTORY), new Refused(PAYMENT, BranchState.ABORTED)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
            assertThat(step.next().conflicts()).containsExactly(Map.entry(PAYMENT, BranchState.ABORTED));
            assertThat(step.outputs()).containsExactly(new RecordConflict(PAYMENT, BranchState.ABORTED), new LogEnd());
        }

        @Test
        void shouldIgnoreARefusalThatAgreesWithTheDecision() {
            var committing = play(ALL_PRE_COMMITTED).next();

            var step = CoordinatorMachine.on(committing, new Refused(PAYMENT, BranchState.COMMITTED));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(committing);
        }

        @Test
        void shouldRecordAnAbortRefusedByACommittedBranchAsAConflict() {
            var aborting = play(concat(ALL_YES, new Refused(PAYMENT, BranchState.ABORTED)))
                    .next();

            var step = CoordinatorMachine.on(aborting, new Refused(ORDER, BranchState.COMMITTED));

            assertThat(step.outputs()).containsExactly(new RecordConflict(ORDER, BranchState.COMMITTED));
            assertThat(step.next().conflicts()).containsKey(ORDER);
        }
    }

    @Nested
    class RecoveryLeadsTheTerminationProtocol {

        private final TxState preCommitting = play(ALL_YES).next();

        @Test
        void shouldAskEveryParticipantForItsBranchInsteadOfCommittingBlindly() {
            var step = CoordinatorMachine.on(preCommitting, new Recover());

            assertThat(step.outputs()).containsExactly(new QueryBranches());
            assertThat(step.next()).isEqualTo(preCommitting);
        }

        @Test
        void shouldAbortWhenEveryBranchIsStillReady() {
            var step = CoordinatorMachine.on(
                    preCommitting,
                    states(Map.of(
                            ORDER, BranchState.PREPARED,
                            INVENTORY, BranchState.PREPARED,
                            PAYMENT, BranchState.PREPARED)));

            assertThat(step.next().decision()).isEqualTo(Decision.ABORT);
            assertThat(step.next().reason()).isEqualTo(Reasons.COORDINATOR_RECOVERY);
        }

        @Test
        void shouldAbortWhenTheParticipantsAlreadyAbortedOnTheirOwn() {
            var step = CoordinatorMachine.on(
                    preCommitting, states(Map.of(ORDER, BranchState.ABORTED, INVENTORY, BranchState.ABORTED)));

            assertThat(step.next().decision()).isEqualTo(Decision.ABORT);
            assertThat(sentDecisions(step)).containsExactly(ORDER, INVENTORY, PAYMENT);
        }

        @Test
        void shouldPreCommitTheReadyBranchesThenCommitWhenOneIsPreCommitted() {
            var step = CoordinatorMachine.on(
                    preCommitting,
                    states(Map.of(
                            ORDER, BranchState.PRE_COMMITTED,
                            INVENTORY, BranchState.PREPARED,
                            PAYMENT, BranchState.PREPARED)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.PRE_COMMITTING);
            assertThat(step.outputs())
                    .containsExactlyInAnyOrder(
                            new RecordPreCommitAck(ORDER), new SendPreCommit(INVENTORY), new SendPreCommit(PAYMENT));

            var afterAcks = playFrom(step.next(), preCommitAcked(INVENTORY), preCommitAcked(PAYMENT));
            assertThat(afterAcks.next().phase()).isEqualTo(TxPhase.COMMITTING);
        }

        @Test
        void shouldCommitAtOnceWhenOneCommittedAndNotWaitForTheUnreachable() {
            var step = CoordinatorMachine.on(
                    preCommitting, states(Map.of(ORDER, BranchState.COMMITTED, INVENTORY, BranchState.PRE_COMMITTED)));

            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(sentDecisions(step)).containsExactly(ORDER, INVENTORY, PAYMENT);
        }

        @Test
        void shouldWaitWhenNoParticipantAnswers() {
            var step = CoordinatorMachine.on(preCommitting, states(Map.of()));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(preCommitting);
        }

        @Test
        void shouldIgnoreBranchStatesOnceDecided() {
            var committing = play(ALL_PRE_COMMITTED).next();

            var step = CoordinatorMachine.on(committing, states(Map.of(ORDER, BranchState.ABORTED)));

            assertThat(step.outputs()).isEmpty();
        }

        @Test
        void shouldResendTheDecisionWhenRecoveringADecidedTransaction() {
            var committing = play(concat(ALL_PRE_COMMITTED, acked(ORDER))).next();

            var step = CoordinatorMachine.on(committing, new Recover());

            assertThat(sentDecisions(step)).containsExactly(INVENTORY, PAYMENT);
        }
    }

    private static TxStep play(TxInput... inputs) {
        return playFrom(TxState.begin("tx-1", Protocol.THREE_PHASE, List.of(ORDER, INVENTORY, PAYMENT), 1), inputs);
    }

    private static BranchStates states(Map<String, BranchState> reachable) {
        return new BranchStates(reachable);
    }
}
