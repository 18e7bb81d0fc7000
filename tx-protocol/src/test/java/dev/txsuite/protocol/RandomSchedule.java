package dev.txsuite.protocol;

import dev.txsuite.protocol.coordinator.CoordinatorMachine;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Acked;
import dev.txsuite.protocol.coordinator.TxInput.PrepareFailed;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxInput.VoteArrived;
import dev.txsuite.protocol.coordinator.TxOutput.SendDecision;
import dev.txsuite.protocol.coordinator.TxOutput.SendPrepare;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchMessage.Abort;
import dev.txsuite.protocol.participant.BranchMessage.Commit;
import dev.txsuite.protocol.participant.BranchMessage.Prepare;
import dev.txsuite.protocol.participant.ParticipantMachine;
import dev.txsuite.protocol.participant.Reply.Ack;
import dev.txsuite.protocol.participant.Reply.Refusal;
import dev.txsuite.protocol.participant.Reply.Refused;
import dev.txsuite.protocol.participant.Reply.VoteReply;
import dev.txsuite.protocol.participant.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plays one transaction between a {@link CoordinatorMachine} and three {@link ParticipantMachine}s over a network
 * that reorders, duplicates and loses messages, while the coordinator times out, retries and is taken over by a
 * new instance with a higher epoch. Then the network turns reliable until the coordinator has ended, so that the
 * outcome shows where every participant finally stands. The seed alone determines the schedule.
 */
final class RandomSchedule {

    private static final String TX = "tx-1";
    private static final List<String> PARTICIPANTS = List.of("order", "inventory", "payment");
    private static final int MAX_RANDOM_EVENTS = 60;
    private static final int MAX_SETTLING_ROUNDS = 10;

    private sealed interface Envelope {}

    private record ToParticipant(String participant, BranchMessage message) implements Envelope {}

    private record ToCoordinator(TxInput input) implements Envelope {}

    /** Where one schedule ended, and how it got there. */
    record Outcome(
            long seed,
            Map<String, Vote> intendedVotes,
            TxState coordinator,
            Map<String, Branch> branches,
            List<Refused> refusals,
            List<String> trace) {

        String describe() {
            return "seed " + seed + ": votes " + intendedVotes + ", coordinator " + coordinator + ", branches "
                    + branches + ", refusals " + refusals + ", trace:\n  " + String.join("\n  ", trace);
        }
    }

    private final long seed;
    private final Random random;
    private final Map<String, Vote> intendedVotes = new LinkedHashMap<>();
    private final Map<String, Branch> branches = new LinkedHashMap<>();
    private final List<Envelope> inFlight = new ArrayList<>();
    private final List<Refused> refusals = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private TxState coordinator = TxState.begin(TX, Protocol.TWO_PHASE, PARTICIPANTS, 1);

    RandomSchedule(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Outcome play() {
        for (var participant : PARTICIPANTS) {
            intendedVotes.put(participant, random.nextInt(5) == 0 ? Vote.no("OUT_OF_STOCK") : Vote.yes());
            branches.put(participant, Branch.unknown(TX));
        }
        feed(new Start());
        int events = random.nextInt(MAX_RANDOM_EVENTS);
        for (int i = 0; i < events; i++) {
            randomEvent();
        }
        settle();
        return new Outcome(seed, intendedVotes, coordinator, branches, refusals, trace);
    }

    private void randomEvent() {
        int dice = random.nextInt(100);
        if (inFlight.isEmpty() || dice >= 80) {
            timeOrFailover(dice);
        } else if (dice < 55) {
            deliver(inFlight.remove(random.nextInt(inFlight.size())));
        } else if (dice < 68) {
            trace.add("duplicate:");
            deliver(inFlight.get(random.nextInt(inFlight.size())));
        } else {
            lose(inFlight.remove(random.nextInt(inFlight.size())));
        }
    }

    private void timeOrFailover(int dice) {
        if (dice >= 97) {
            takeOver();
        } else if (dice >= 92) {
            feed(new Timeout());
        } else {
            feed(new Retry());
        }
    }

    /** Another coordinator instance takes the transaction over from the log, fencing the old one out. */
    private void takeOver() {
        coordinator = coordinator.takenOver(coordinator.epoch() + 1);
        feed(new Recover());
    }

    /** A lost request or a lost answer; the coordinator learns of a failed PREPARE only sometimes. */
    private void lose(Envelope envelope) {
        trace.add("lose " + envelope);
        if (envelope instanceof ToParticipant(var participant, var message)) {
            if (random.nextBoolean()) {
                trace.add("  (the answer is lost, not the request)");
                participant(participant, message);
            }
            if (message instanceof Prepare && random.nextBoolean()) {
                inFlight.add(new ToCoordinator(new PrepareFailed(participant, Reasons.PARTICIPANT_UNAVAILABLE)));
            }
        }
    }

    /** The network becomes reliable: every message arrives, in order, and the coordinator keeps retrying. */
    private void settle() {
        trace.add("settle:");
        feed(new Timeout());
        for (int round = 0; round < MAX_SETTLING_ROUNDS && coordinator.phase() != TxPhase.ENDED; round++) {
            deliverEverything();
            if (coordinator.phase() != TxPhase.ENDED) {
                feed(new Retry());
            }
        }
        deliverEverything();
    }

    private void deliverEverything() {
        while (!inFlight.isEmpty()) {
            deliver(inFlight.removeFirst());
        }
    }

    private void deliver(Envelope envelope) {
        switch (envelope) {
            case ToParticipant(var participant, var message) -> {
                var answer = participant(participant, message);
                if (answer != null) {
                    inFlight.add(new ToCoordinator(answer));
                }
            }
            case ToCoordinator(var input) -> feed(input);
        }
    }

    private void feed(TxInput input) {
        var step = CoordinatorMachine.on(coordinator, input);
        coordinator = step.next();
        trace.add("coordinator <- " + input + " => " + coordinator.phase() + " " + step.outputs());
        for (var output : step.outputs()) {
            switch (output) {
                case SendPrepare send ->
                    inFlight.add(new ToParticipant(send.participant(), new Prepare(TX, coordinator.epoch())));
                case SendDecision send -> inFlight.add(new ToParticipant(send.participant(), decisionMessage(send)));
                default -> {
                    // Log writes: the schedule keeps the coordinator's state in memory, as if every write succeeded.
                }
            }
        }
    }

    private BranchMessage decisionMessage(SendDecision send) {
        return send.decision() == Decision.COMMIT
                ? new Commit(TX, coordinator.epoch())
                : new Abort(TX, coordinator.epoch(), coordinator.reason());
    }

    /** Runs the participant as its service would: the PREPARE work votes as decided up front. */
    private TxInput participant(String participant, BranchMessage message) {
        var step = ParticipantMachine.receive(branches.get(participant), message);
        if (step.work() == Work.PREPARE) {
            step = ParticipantMachine.voted(step.next(), intendedVotes.get(participant));
        }
        branches.put(participant, step.next());
        trace.add(participant + " <- " + message + " => " + step.next().state() + ", " + step.reply());
        return switch (step.reply()) {
            case VoteReply reply -> new VoteArrived(participant, reply.vote());
            case Ack ack -> new Acked(participant);
            case Refusal refusal -> {
                refusals.add(refusal.why());
                yield null;
            }
        };
    }
}
