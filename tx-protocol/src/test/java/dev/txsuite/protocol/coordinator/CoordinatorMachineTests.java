package dev.txsuite.protocol.coordinator;

import static dev.txsuite.protocol.coordinator.TxScript.acked;
import static dev.txsuite.protocol.coordinator.TxScript.concat;
import static dev.txsuite.protocol.coordinator.TxScript.no;
import static dev.txsuite.protocol.coordinator.TxScript.playFrom;
import static dev.txsuite.protocol.coordinator.TxScript.sentDecisions;
import static dev.txsuite.protocol.coordinator.TxScript.yes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.protocol.Decision;
import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxOutput.LogDecision;
import dev.txsuite.protocol.coordinator.TxOutput.LogEnd;
import dev.txsuite.protocol.coordinator.TxOutput.RecordAck;
import dev.txsuite.protocol.coordinator.TxOutput.RecordVote;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CoordinatorMachineTests {

    private static final String ORDER = "order";
    private static final String INVENTORY = "inventory";
    private static final String PAYMENT = "payment";

    private static final TxInput START = new Start();
    private static final TxInput TIMEOUT = new Timeout();
    private static final TxInput RETRY = new Retry();
    private static final TxInput RECOVER = new Recover();

    /** The inputs that bring a three-participant transaction to COMMITTING. */
    private static final TxInput[] ALL_YES = {START, yes(ORDER), yes(INVENTORY), yes(PAYMENT)};

    @Nested
    class Voting {

        @Test
        void shouldSendPrepareToEveryParticipantOnStart() {
            var step = play(START);

            assertThat(step.outputs())
                    .containsExactly(new SendPrepare(ORDER), new SendPrepare(INVENTORY), new SendPrepare(PAYMENT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.PREPARING);
        }

        @Test
        void shouldNotSendPrepareAgainOnceVotingHasBegun() {
            var step = play(START, yes(ORDER), START);

            assertThat(step.outputs()).isEmpty();
        }

        @Test
        void shouldRecordAYesVoteAndWaitForTheOthers() {
            var step = play(START, yes(ORDER), yes(INVENTORY));

            assertThat(step.outputs()).containsExactly(new RecordVote(INVENTORY, Vote.yes()));
            assertThat(step.next().phase()).isEqualTo(TxPhase.PREPARING);
            assertThat(step.next().decision()).isNull();
        }

        @Test
        void shouldForceTheCommitToTheLogBeforeSendingItToEveryone() {
            var step = play(ALL_YES);

            assertThat(step.outputs())
                    .containsExactly(
                            new RecordVote(PAYMENT, Vote.yes()),
                            new LogDecision(Decision.COMMIT, null, true),
                            new SendDecision(ORDER, Decision.COMMIT),
                            new SendDecision(INVENTORY, Decision.COMMIT),
                            new SendDecision(PAYMENT, Decision.COMMIT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(step.next().decision()).isEqualTo(Decision.COMMIT);
            assertThat(step.next().reason()).isNull();
        }

        @Test
        void shouldAbortOnTheFirstNoWithoutForcingAndSkipTheNoVoter() {
            var step = play(START, yes(ORDER), no(INVENTORY, "OUT_OF_STOCK"));

            assertThat(step.outputs())
                    .containsExactly(
                            new RecordVote(INVENTORY, Vote.no("OUT_OF_STOCK")),
                            new LogDecision(Decision.ABORT, "OUT_OF_STOCK", false),
                            new SendDecision(ORDER, Decision.ABORT),
                            new SendDecision(PAYMENT, Decision.ABORT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo("OUT_OF_STOCK");
            assertThat(step.next().decisionRecipients()).containsExactly(ORDER, PAYMENT);
        }

        @Test
        void shouldCountAFailedPrepareAsNoWithItsReason() {
            var step = play(START, yes(ORDER), new PrepareFailed(PAYMENT, Reasons.PARTICIPANT_UNAVAILABLE));

            assertThat(step.next().votes()).containsEntry(PAYMENT, Vote.no(Reasons.PARTICIPANT_UNAVAILABLE));
            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo(Reasons.PARTICIPANT_UNAVAILABLE);
            assertThat(step.outputs())
                    .contains(new LogDecision(Decision.ABORT, Reasons.PARTICIPANT_UNAVAILABLE, false));
        }

        @Test
        void shouldStillSendAbortToAParticipantWhosePrepareFailed() {
            // Only the answer may have been lost: the participant may hold tentative work.
            var step = play(START, yes(ORDER), new PrepareFailed(PAYMENT, Reasons.PARTICIPANT_UNAVAILABLE));

            assertThat(sentDecisions(step)).containsExactly(ORDER, INVENTORY, PAYMENT);
        }

        @Test
        void shouldKeepTheFirstNoReasonWhenMoreNoVotesFollow() {
            var step = play(START, no(INVENTORY, "OUT_OF_STOCK"), no(PAYMENT, "INSUFFICIENT_FUNDS"));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().reason()).isEqualTo("OUT_OF_STOCK");
            assertThat(step.next().votes()).doesNotContainKey(PAYMENT);
        }

        @Test
        void shouldIgnoreADuplicateVote() {
            var before = play(START, yes(ORDER)).next();

            var step = CoordinatorMachine.on(before, yes(ORDER));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(before);
        }

        @Test
        void shouldIgnoreADuplicateVoteThatContradictsTheFirst() {
            var step = play(START, yes(ORDER), no(ORDER, "OUT_OF_STOCK"));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().votes()).containsExactly(Map.entry(ORDER, Vote.yes()));
            assertThat(step.next().phase()).isEqualTo(TxPhase.PREPARING);
        }

        @Test
        void shouldIgnoreAVoteFromAnUnknownParticipant() {
            var step = play(START, yes("shipping"));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().votes()).isEmpty();
        }

        @Test
        void shouldIgnoreALateVoteAfterTheDecision() {
            var before = play(START, no(INVENTORY, "OUT_OF_STOCK")).next();

            var step = CoordinatorMachine.on(before, yes(PAYMENT));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(before);
        }

        @Test
        void shouldEndAtOnceWhenTheOnlyParticipantVotesNo() {
            var alone = TxState.begin("tx-1", Protocol.TWO_PHASE, List.of(PAYMENT), 1);

            var step = playFrom(alone, START, no(PAYMENT, "INSUFFICIENT_FUNDS"));

            assertThat(step.next().decisionRecipients()).isEmpty();
            assertThat(step.outputs())
                    .containsExactly(
                            new RecordVote(PAYMENT, Vote.no("INSUFFICIENT_FUNDS")),
                            new LogDecision(Decision.ABORT, "INSUFFICIENT_FUNDS", false),
                            new LogEnd());
            assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
            assertThat(step.next().decision()).isEqualTo(Decision.ABORT);
        }

        @Test
        void shouldRefuseATransactionWithoutParticipants() {
            assertThatThrownBy(() -> TxState.begin("tx-1", Protocol.TWO_PHASE, List.of(), 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Timeouts {

        @Test
        void shouldTurnMissingVotesIntoNoAndAbort() {
            var step = play(START, yes(ORDER), TIMEOUT);

            assertThat(step.outputs())
                    .containsSubsequence(
                            new RecordVote(INVENTORY, Vote.no(Reasons.VOTE_TIMEOUT)),
                            new RecordVote(PAYMENT, Vote.no(Reasons.VOTE_TIMEOUT)),
                            new LogDecision(Decision.ABORT, Reasons.VOTE_TIMEOUT, false));
            assertThat(step.next().votes())
                    .containsEntry(ORDER, Vote.yes())
                    .containsEntry(INVENTORY, Vote.no(Reasons.VOTE_TIMEOUT))
                    .containsEntry(PAYMENT, Vote.no(Reasons.VOTE_TIMEOUT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo(Reasons.VOTE_TIMEOUT);
        }

        @Test
        void shouldSendAbortToTheSilentParticipantsTooBecauseTheyMayHavePrepared() {
            var step = play(START, yes(ORDER), TIMEOUT);

            assertThat(sentDecisions(step)).containsExactly(ORDER, INVENTORY, PAYMENT);
            assertThat(step.outputs()).doesNotContain(new LogEnd());
        }

        @Test
        void shouldEndATimedOutTransactionOnlyOnceEverySilentParticipantAcked() {
            var step = play(START, yes(ORDER), TIMEOUT, acked(ORDER), acked(INVENTORY), acked(PAYMENT));

            assertThat(step.outputs()).containsExactly(new RecordAck(PAYMENT), new LogEnd());
            assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
        }

        @Test
        void shouldChangeNothingOnASecondTimeout() {
            var before = play(START, yes(ORDER), TIMEOUT).next();

            var step = CoordinatorMachine.on(before, TIMEOUT);

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(before);
        }

        @Test
        void shouldChangeNothingOnATimeoutAfterTheCommitDecision() {
            var before = play(ALL_YES).next();

            var step = CoordinatorMachine.on(before, TIMEOUT);

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(before);
        }

        @Test
        void shouldIgnoreAVoteThatArrivesAfterTheTimeout() {
            var before = play(START, TIMEOUT).next();

            var step = CoordinatorMachine.on(before, yes(PAYMENT));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().votes()).containsEntry(PAYMENT, Vote.no(Reasons.VOTE_TIMEOUT));
        }
    }

    @Nested
    class Acknowledgements {

        @Test
        void shouldRecordEachAckOnceAndEndWhenEveryRecipientAcked() {
            var afterFirstAck = play(concat(ALL_YES, acked(ORDER)));
            var afterDuplicate = CoordinatorMachine.on(afterFirstAck.next(), acked(ORDER));
            var afterLastAck = play(concat(ALL_YES, acked(ORDER), acked(ORDER), acked(INVENTORY), acked(PAYMENT)));

            assertThat(afterFirstAck.outputs()).containsExactly(new RecordAck(ORDER));
            assertThat(afterFirstAck.next().phase()).isEqualTo(TxPhase.COMMITTING);
            assertThat(afterDuplicate.outputs()).isEmpty();
            assertThat(afterDuplicate.next()).isEqualTo(afterFirstAck.next());
            assertThat(afterLastAck.outputs()).containsExactly(new RecordAck(PAYMENT), new LogEnd());
            assertThat(afterLastAck.next().phase()).isEqualTo(TxPhase.ENDED);
            assertThat(afterLastAck.next().acked()).containsExactlyInAnyOrder(ORDER, INVENTORY, PAYMENT);
        }

        @Test
        void shouldNotEndWhileOneRecipientHasNotAcked() {
            var step = play(concat(ALL_YES, acked(ORDER), acked(PAYMENT)));

            assertThat(step.outputs()).containsExactly(new RecordAck(PAYMENT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
        }

        @Test
        void shouldEndAnAbortOnceEveryParticipantExceptTheNoVoterAcked() {
            var step = play(START, no(INVENTORY, "OUT_OF_STOCK"), acked(ORDER), acked(PAYMENT));

            assertThat(step.outputs()).containsExactly(new RecordAck(PAYMENT), new LogEnd());
            assertThat(step.next().phase()).isEqualTo(TxPhase.ENDED);
            assertThat(step.next().decision()).isEqualTo(Decision.ABORT);
        }

        @Test
        void shouldIgnoreAnAckFromTheNoVoter() {
            var before = play(START, no(INVENTORY, "OUT_OF_STOCK")).next();

            var step = CoordinatorMachine.on(before, acked(INVENTORY));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(before);
        }

        @Test
        void shouldIgnoreAnAckBeforeTheDecision() {
            var step = play(START, yes(ORDER), acked(ORDER));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().acked()).isEmpty();
        }

        @Test
        void shouldIgnoreAnAckFromAnUnknownParticipant() {
            var step = play(concat(ALL_YES, acked("shipping")));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next().acked()).isEmpty();
        }

        @Test
        void shouldIgnoreAnAckAfterTheEnd() {
            var ended = play(concat(ALL_YES, acked(ORDER), acked(INVENTORY), acked(PAYMENT)))
                    .next();

            var step = CoordinatorMachine.on(ended, acked(ORDER));

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(ended);
        }
    }

    @Nested
    class Retries {

        @Test
        void shouldResendTheDecisionOnlyToRecipientsThatHaveNotAcked() {
            var step = play(concat(ALL_YES, acked(INVENTORY), RETRY));

            assertThat(step.outputs())
                    .containsExactly(
                            new SendDecision(ORDER, Decision.COMMIT), new SendDecision(PAYMENT, Decision.COMMIT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
        }

        @Test
        void shouldResendAnAbortButNotToTheNoVoter() {
            var step = play(START, no(INVENTORY, "OUT_OF_STOCK"), acked(PAYMENT), RETRY);

            assertThat(step.outputs()).containsExactly(new SendDecision(ORDER, Decision.ABORT));
        }

        @Test
        void shouldDoNothingOnRetryBeforeTheDecision() {
            var step = play(START, yes(ORDER), RETRY);

            assertThat(step.outputs()).isEmpty();
        }

        @Test
        void shouldDoNothingOnRetryAfterTheEnd() {
            var ended = play(concat(ALL_YES, acked(ORDER), acked(INVENTORY), acked(PAYMENT)))
                    .next();

            var step = CoordinatorMachine.on(ended, RETRY);

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(ended);
        }
    }

    @Nested
    class Recovery {

        @Test
        void shouldPresumeAbortWhenRecoveringBeforeTheDecision() {
            var step = play(START, yes(ORDER), RECOVER);

            assertThat(step.outputs())
                    .containsExactly(
                            new LogDecision(Decision.ABORT, Reasons.COORDINATOR_RECOVERY, false),
                            new SendDecision(ORDER, Decision.ABORT),
                            new SendDecision(INVENTORY, Decision.ABORT),
                            new SendDecision(PAYMENT, Decision.ABORT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo(Reasons.COORDINATOR_RECOVERY);
        }

        @Test
        void shouldResendACommitToTheParticipantsThatHaveNotAcked() {
            var step = play(concat(ALL_YES, acked(ORDER), RECOVER));

            assertThat(step.outputs())
                    .containsExactly(
                            new SendDecision(INVENTORY, Decision.COMMIT), new SendDecision(PAYMENT, Decision.COMMIT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.COMMITTING);
        }

        @Test
        void shouldResendAnAbortWithoutChangingItsReason() {
            var step = play(START, no(INVENTORY, "OUT_OF_STOCK"), RECOVER);

            assertThat(step.outputs())
                    .containsExactly(
                            new SendDecision(ORDER, Decision.ABORT), new SendDecision(PAYMENT, Decision.ABORT));
            assertThat(step.next().phase()).isEqualTo(TxPhase.ABORTING);
            assertThat(step.next().reason()).isEqualTo("OUT_OF_STOCK");
        }

        @Test
        void shouldDoNothingWhenRecoveringAnEndedTransaction() {
            var ended = play(concat(ALL_YES, acked(ORDER), acked(INVENTORY), acked(PAYMENT)))
                    .next();

            var step = CoordinatorMachine.on(ended, RECOVER);

            assertThat(step.outputs()).isEmpty();
            assertThat(step.next()).isEqualTo(ended);
        }
    }

    /** Plays the inputs on a new three-participant transaction and returns the step of the last one. */
    private static TxStep play(TxInput... inputs) {
        return playFrom(TxState.begin("tx-1", Protocol.TWO_PHASE, List.of(ORDER, INVENTORY, PAYMENT), 1), inputs);
    }
}
