package dev.txsuite.protocol.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParticipantMachineTests {

    private static final String TX = "tx-1";
    private static final long EPOCH = 2;
    static final List<String> PARTICIPANTS = List.of("order", "inventory", "payment");

    @Nested
    class UnknownBranch {

        private final Branch unknown = Branch.unknown(TX);

        @Test
        void shouldAskForThePrepareWorkAndNotReplyYet() {
            var step = ParticipantMachine.receive(unknown, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(new Branch(TX, BranchState.NONE, null, EPOCH, null));
            assertThat(step.work()).isEqualTo(Work.PREPARE);
            assertThat(step.reply()).isNull();
        }

        @Test
        void shouldBecomePreparedWhenThePrepareWorkVotesYes() {
            var pending = ParticipantMachine.receive(unknown, prepare(EPOCH)).next();

            var step = ParticipantMachine.voted(pending, Vote.yes());

            assertThat(step.next()).isEqualTo(new Branch(TX, BranchState.PREPARED, Vote.yes(), EPOCH, null));
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.yes()));
        }

        @Test
        void shouldAbortAtOnceWhenThePrepareWorkVotesNo() {
            var pending = ParticipantMachine.receive(unknown, prepare(EPOCH)).next();

            var step = ParticipantMachine.voted(pending, Vote.no("OUT_OF_STOCK"));

            assertThat(step.next())
                    .isEqualTo(new Branch(TX, BranchState.ABORTED, Vote.no("OUT_OF_STOCK"), EPOCH, "OUT_OF_STOCK"));
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.no("OUT_OF_STOCK")));
        }

        @Test
        void shouldRefuseCommitAsUnknownTransactionAndChangeNothing() {
            var step = ParticipantMachine.receive(unknown, commit(EPOCH));

            assertThat(step.next()).isEqualTo(unknown);
            assertThat(step.changed(unknown)).isFalse();
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply())
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.why()).isEqualTo(Refused.UNKNOWN_TRANSACTION));
        }

        @Test
        void shouldLeaveATombstoneWhenAbortArrivesBeforePrepare() {
            var step = ParticipantMachine.receive(unknown, abort(EPOCH, Reasons.VOTE_TIMEOUT));

            assertThat(step.next()).isEqualTo(new Branch(TX, BranchState.ABORTED, null, EPOCH, Reasons.VOTE_TIMEOUT));
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.ABORTED));
        }

        @Test
        void shouldVoteNoWithoutAnyWorkWhenPrepareArrivesAfterTheTombstone() {
            var tombstone = ParticipantMachine.receive(unknown, abort(EPOCH, Reasons.VOTE_TIMEOUT))
                    .next();

            var step = ParticipantMachine.receive(tombstone, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(tombstone);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.no(Reasons.ALREADY_ABORTED)));
        }
    }

    @Nested
    class PreparedBranch {

        private final Branch prepared = new Branch(TX, BranchState.PREPARED, Vote.yes(), EPOCH, null);

        @Test
        void shouldReturnTheRecordedVoteWithoutWorkOnARepeatedPrepare() {
            var step = ParticipantMachine.receive(prepared, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(prepared);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.yes()));
        }

        @Test
        void shouldCommitTheTentativeWork() {
            var step = ParticipantMachine.receive(prepared, commit(EPOCH));

            assertThat(step.next()).isEqualTo(new Branch(TX, BranchState.COMMITTED, Vote.yes(), EPOCH, null));
            assertThat(step.work()).isEqualTo(Work.COMMIT);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.COMMITTED));
        }

        @Test
        void shouldUndoTheTentativeWorkAndKeepTheReasonOnAbort() {
            var step = ParticipantMachine.receive(prepared, abort(EPOCH, "INSUFFICIENT_FUNDS"));

            assertThat(step.next())
                    .isEqualTo(new Branch(TX, BranchState.ABORTED, Vote.yes(), EPOCH, "INSUFFICIENT_FUNDS"));
            assertThat(step.work()).isEqualTo(Work.ABORT);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.ABORTED));
        }

        @Test
        void shouldRejectASecondVote() {
            assertThatThrownBy(() -> ParticipantMachine.voted(prepared, Vote.yes()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TX);
        }
    }

    @Nested
    class CommittedBranch {

        private final Branch committed = new Branch(TX, BranchState.COMMITTED, Vote.yes(), EPOCH, null);

        @Test
        void shouldReturnTheRecordedVoteWithoutWorkOnALatePrepare() {
            var step = ParticipantMachine.receive(committed, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(committed);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.yes()));
        }

        @Test
        void shouldAcknowledgeADuplicateCommitWithoutWork() {
            var step = ParticipantMachine.receive(committed, commit(EPOCH));

            assertThat(step.next()).isEqualTo(committed);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.COMMITTED));
        }

        @Test
        void shouldRefuseAbortAsAConflictAndChangeNothing() {
            var step = ParticipantMachine.receive(committed, abort(EPOCH, "OUT_OF_STOCK"));

            assertThat(step.next()).isEqualTo(committed);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply())
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.why()).isEqualTo(Refused.CONFLICT));
        }

        @Test
        void shouldRejectAVote() {
            assertThatThrownBy(() -> ParticipantMachine.voted(committed, Vote.no("OUT_OF_STOCK")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class AbortedBranch {

        private final Branch abortedAfterYes =
                new Branch(TX, BranchState.ABORTED, Vote.yes(), EPOCH, "INSUFFICIENT_FUNDS");
        private final Branch abortedByItsOwnNo =
                new Branch(TX, BranchState.ABORTED, Vote.no("OUT_OF_STOCK"), EPOCH, "OUT_OF_STOCK");

        @Test
        void shouldVoteNoAlreadyAbortedOnALatePrepareAfterVotingYes() {
            var step = ParticipantMachine.receive(abortedAfterYes, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(abortedAfterYes);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.no(Reasons.ALREADY_ABORTED)));
        }

        @Test
        void shouldReturnItsOwnNoVoteOnARepeatedPrepare() {
            var step = ParticipantMachine.receive(abortedByItsOwnNo, prepare(EPOCH));

            assertThat(step.next()).isEqualTo(abortedByItsOwnNo);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new VoteReply(Vote.no("OUT_OF_STOCK")));
        }

        @Test
        void shouldRefuseCommitAsAConflictAndChangeNothing() {
            var step = ParticipantMachine.receive(abortedAfterYes, commit(EPOCH));

            assertThat(step.next()).isEqualTo(abortedAfterYes);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply())
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.why()).isEqualTo(Refused.CONFLICT));
        }

        @Test
        void shouldAcknowledgeADuplicateAbortWithoutWorkAndKeepTheFirstReason() {
            var step = ParticipantMachine.receive(abortedAfterYes, abort(EPOCH, Reasons.COORDINATOR_RECOVERY));

            assertThat(step.next()).isEqualTo(abortedAfterYes);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply()).isEqualTo(new Ack(BranchState.ABORTED));
        }

        @Test
        void shouldRejectAVoteThatArrivesAfterTheTombstone() {
            // The ABORT overtook a PREPARE whose work was still running: that work must be rolled back.
            var tombstone = new Branch(TX, BranchState.ABORTED, null, EPOCH, Reasons.VOTE_TIMEOUT);

            assertThatThrownBy(() -> ParticipantMachine.voted(tombstone, Vote.yes()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Epochs {

        @ParameterizedTest(name = "{0} refused in {1}")
        @MethodSource("dev.txsuite.protocol.participant.ParticipantMachineTests#everyMessageInEveryState")
        void shouldRefuseAnOlderEpochAndChangeNothing(BranchMessage message, BranchState state) {
            var branch = branchIn(state, EPOCH);

            var step = ParticipantMachine.receive(branch, withEpoch(message, EPOCH - 1));

            assertThat(step.next()).isEqualTo(branch);
            assertThat(step.work()).isEqualTo(Work.NONE);
            assertThat(step.reply())
                    .isInstanceOfSatisfying(
                            Refusal.class, refusal -> assertThat(refusal.why()).isEqualTo(Refused.STALE_EPOCH));
        }

        @ParameterizedTest(name = "{0} accepted in {1}")
        @MethodSource("dev.txsuite.protocol.participant.ParticipantMachineTests#acceptedMessages")
        void shouldRecordANewerEpoch(BranchMessage message, BranchState state) {
            var branch = branchIn(state, EPOCH);

            var step = ParticipantMachine.receive(branch, withEpoch(message, EPOCH + 1));

            assertThat(step.reply() instanceof Refusal).isFalse();
            assertThat(step.next().epoch()).isEqualTo(EPOCH + 1);
        }

        @Test
        void shouldKeepTheEpochOfTheFirstPrepareThroughTheVote() {
            var pending =
                    ParticipantMachine.receive(Branch.unknown(TX), prepare(7)).next();

            assertThat(ParticipantMachine.voted(pending, Vote.yes()).next().epoch())
                    .isEqualTo(7);
        }

        @Test
        void shouldNotRecordTheEpochOfARefusedMessage() {
            var committed = branchIn(BranchState.COMMITTED, EPOCH);

            var step = ParticipantMachine.receive(committed, abort(EPOCH + 1, "OUT_OF_STOCK"));

            assertThat(step.changed(committed)).isFalse();
        }
    }

    static Stream<Arguments> everyMessageInEveryState() {
        return Stream.of(BranchState.values())
                .flatMap(state -> Stream.of(
                                prepare(EPOCH), preCommit(EPOCH), commit(EPOCH), abort(EPOCH, "OUT_OF_STOCK"))
                        .map(message -> Arguments.of(message, state)));
    }

    static Stream<Arguments> acceptedMessages() {
        return Stream.of(
                Arguments.of(prepare(EPOCH), BranchState.NONE),
                Arguments.of(abort(EPOCH, "OUT_OF_STOCK"), BranchState.NONE),
                Arguments.of(prepare(EPOCH), BranchState.PREPARED),
                Arguments.of(commit(EPOCH), BranchState.PREPARED),
                Arguments.of(abort(EPOCH, "OUT_OF_STOCK"), BranchState.PREPARED),
                Arguments.of(prepare(EPOCH), BranchState.PRE_COMMITTED),
                Arguments.of(preCommit(EPOCH), BranchState.PRE_COMMITTED),
                Arguments.of(commit(EPOCH), BranchState.PRE_COMMITTED),
                Arguments.of(abort(EPOCH, "COORDINATOR_LOST"), BranchState.PRE_COMMITTED),
                Arguments.of(prepare(EPOCH), BranchState.COMMITTED),
                Arguments.of(preCommit(EPOCH), BranchState.COMMITTED),
                Arguments.of(commit(EPOCH), BranchState.COMMITTED),
                Arguments.of(prepare(EPOCH), BranchState.ABORTED),
                Arguments.of(abort(EPOCH, "OUT_OF_STOCK"), BranchState.ABORTED));
    }

    /** A branch as its log would hold it in each state, after a YES vote where it voted at all. */
    private static Branch branchIn(BranchState state, long epoch) {
        return switch (state) {
            case NONE -> new Branch(TX, BranchState.NONE, null, epoch, null);
            case PREPARED, COMMITTED -> new Branch(TX, state, Vote.yes(), epoch, null);
            case PRE_COMMITTED -> threePhase(state, epoch);
            case ABORTED -> new Branch(TX, state, Vote.yes(), epoch, "OUT_OF_STOCK");
        };
    }

    private static BranchMessage withEpoch(BranchMessage message, long epoch) {
        return switch (message) {
            case Prepare prepare -> prepare(epoch);
            case PreCommit preCommit -> preCommit(epoch);
            case Commit commit -> commit(epoch);
            case Abort abort -> abort(epoch, abort.reason());
        };
    }

    private static Prepare prepare(long epoch) {
        return new Prepare(TX, epoch);
    }

    private static PreCommit preCommit(long epoch) {
        return new PreCommit(TX, epoch);
    }

    /** A 3PC branch of a transaction over three participants, after a YES vote. */
    static Branch threePhase(BranchState state, long epoch) {
        return new Branch(TX, state, Vote.yes(), epoch, null, Protocol.THREE_PHASE, PARTICIPANTS);
    }

    private static Commit commit(long epoch) {
        return new Commit(TX, epoch);
    }

    private static Abort abort(long epoch, String reason) {
        return new Abort(TX, epoch, reason);
    }
}
