package dev.txsuite.protocol.participant;

import static dev.txsuite.protocol.participant.ParticipantMachineTests.PARTICIPANTS;
import static dev.txsuite.protocol.participant.ParticipantMachineTests.threePhase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.BranchMessage.Commit;
import dev.txsuite.protocol.participant.BranchMessage.PreCommit;
import dev.txsuite.protocol.participant.BranchMessage.Prepare;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.Refused;
import dev.txsuite.protocol.participant.Reply.VoteReply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ThreePhaseParticipantTests {

    private static final String TX = "tx-1";
    private static final long EPOCH = 2;

    @Nested
    class CanCommit {

        @Test
        void shouldRememberTheProtocolAndTheParticipantsThroughTheVote() {
            var pending = ParticipantMachine.receive(
                            Branch.unknown(TX), new Prepare(TX, EPOCH, Protocol.THREE_PHASE, PARTICIPANTS))
                    .next();

            var ready = ParticipantMachine.voted(pending, Vote.yes()).next();

            assertThat(ready).isEqualTo(threePhase(BranchState.PREPARED, EPOCH));
        }

        @Test
        void shouldReturnTheRecordedVoteToARepeatedCanCommitWhenPreCommitted() {
            var step = ParticipantMachine.receive(
                    threePhase(BranchState.PRE_COMMITTED, EPOCH),
                    new Prepare(TX, EPOCH, Protocol.THREE_PHASE, PARTICIPANTS));

            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.yes()));
            assertThat(step.work()).isEqualTo(Work.NONE);
        }
    }

    @Nested
    class PreCommitMessage {

        @Test
        void shouldMoveAReadyBranchToPreCommittedWithoutBusinessWork() {
            var step = ParticipantMachine.receive(threePhase(BranchState.PREPARED, EPOCH), new PreCommit(TX, EPOCH));

            assertThat(step.next()).isEqualTo(threePhase(BranchState.PRE_COMMITTED, EPOCH));
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.PRE_COMMITTED));
        }

        @Test
        void shouldAcknowledgeARepeatedPreCommitWithoutChange() {
            var preCommitted = threePhase(BranchState.PRE_COMMITTED, EPOCH);

            var step = ParticipantMachine.receive(preCommitted, new PreCommit(TX, EPOCH));

            assertThat(step.changed(preCommitted)).isFalse();
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.PRE_COMMITTED));
        }

        @Test
        void shouldAcknowledgeALatePreCommitWithTheCommittedState() {
            var step = ParticipantMachine.receive(threePhase(BranchState.COMMITTED, EPOCH), new PreCommit(TX, EPOCH));

            assertThat(step.reply()).isEqualTo(new Ack(BranchState.COMMITTED));
            assertThat(step.work()).isEqualTo(Work.NONE);
        }

        @Test
        void shouldRefuseAPreCommitForAnAbortedBranch() {
            var aborted = threePhase(BranchState.ABORTED, EPOCH);

            var step = ParticipantMachine.receive(aborted, new PreCommit(TX, EPOCH));

            assertThat(step.next()).isEqualTo(aborted);
            assertThat(((Refusal) step.reply()).why()).isEqualTo(Refused.CONFLICT);
        }

        @Test
        void shouldRefuseAPreCommitForATwoPhaseBranch() {
            var prepared = new Branch(TX, BranchState.PREPARED, Vote.yes(), EPOCH, null);

            var step = ParticipantMachine.receive(prepared, new PreCommit(TX, EPOCH));

            assertThat(step.next()).isEqualTo(prepared);
            assertThat(((Refusal) step.reply()).why()).isEqualTo(Refused.CONFLICT);
        }

        @Test
        void shouldRefuseAPreCommitForAnUnknownTransaction() {
            var step = ParticipantMachine.receive(Branch.unknown(TX), new PreCommit(TX, EPOCH));

            assertThat(((Refusal) step.reply()).why()).isEqualTo(Refused.UNKNOWN_TRANSACTION);
        }
    }

    @Nested
    class DoCommitAndAbort {

        @Test
        void shouldCommitAPreCommittedBranch() {
            var step = ParticipantMachine.receive(threePhase(BranchState.PRE_COMMITTED, EPOCH), new Commit(TX, EPOCH));

            assertThat(step.next().state()).isEqualTo(BranchState.COMMITTED);
            assertThat(step.work()).isEqualTo(Work.COMMIT);
        }

        @Test
        void shouldCommitAReadyBranchWhoseCoordinatorGaveUpOnItsPreCommitAcknowledgement() {
            var step = ParticipantMachine.receive(threePhase(BranchState.PREPARED, EPOCH), new Commit(TX, EPOCH));

            assertThat(step.next().state()).isEqualTo(BranchState.COMMITTED);
            assertThat(step.work()).isEqualTo(Work.COMMIT);
        }

        @Test
        void shouldAbortAPreCommittedBranchAndUndoItsWork() {
            var step = ParticipantMachine.receive(
                    threePhase(BranchState.PRE_COMMITTED, EPOCH), new Abort(TX, EPOCH, Reasons.COORDINATOR_LOST));

            assertThat(step.next().state()).isEqualTo(BranchState.ABORTED);
            assertThat(step.next().reason()).isEqualTo(Reasons.COORDINATOR_LOST);
            assertThat(step.work()).isEqualTo(Work.ABORT);
        }
    }

    @Nested
    class Timers {

        @Test
        void shouldAskTheCoordinatorThenTerminateWhenReadyOrPreCommitted() {
            assertThat(ParticipantMachine.timedOut(threePhase(BranchState.PREPARED, EPOCH)))
                    .isEqualTo(OnTimeout.ASK_COORDINATOR_ELSE_TERMINATE);
            assertThat(ParticipantMachine.timedOut(threePhase(BranchState.PRE_COMMITTED, EPOCH)))
                    .isEqualTo(OnTimeout.ASK_COORDINATOR_ELSE_TERMINATE);
        }

        @Test
        void shouldOnlyAskTheCoordinatorUnderTwoPhaseCommitWhichNeverDecidesAlone() {
            var prepared = new Branch(TX, BranchState.PREPARED, Vote.yes(), EPOCH, null);

            assertThat(ParticipantMachine.timedOut(prepared)).isEqualTo(OnTimeout.ASK_COORDINATOR);
        }

        @Test
        void shouldDoNothingForABranchThatIsNotInDoubt() {
            assertThat(ParticipantMachine.timedOut(threePhase(BranchState.COMMITTED, EPOCH)))
                    .isEqualTo(OnTimeout.NOTHING);
            assertThat(ParticipantMachine.timedOut(threePhase(BranchState.ABORTED, EPOCH)))
                    .isEqualTo(OnTimeout.NOTHING);
            assertThat(ParticipantMachine.timedOut(Branch.unknown(TX))).isEqualTo(OnTimeout.NOTHING);
        }
    }
}
