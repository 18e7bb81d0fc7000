package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.Reasons;
import dev.txsuite.protocol.Vote;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.BranchStates;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Start;
import dev.txsuite.protocol.coordinator.TxInput.Timeout;
import dev.txsuite.protocol.coordinator.TxOutput;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.participant.Branch;
import dev.txsuite.protocol.participant.BranchMessage;
import dev.txsuite.protocol.participant.BranchState;
import dev.txsuite.protocol.participant.Reply;
import dev.txsuite.protocol.simulation.Envelope.Answer;
import dev.txsuite.protocol.simulation.Envelope.Request;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One coordinator and three participants on a {@link Network}, and what can happen to them: each action is one
 * event of a schedule, which the {@link Simulation} picks. The nodes run the state machines the services run,
 * wired as the services wire them: under 2PC the initiator (order, as order-service) prepares its own branch and
 * sends the coordinator its begin with its YES vote (under 3PC the coordinator begins and sends CAN-COMMIT to all);
 * the coordinator records the transaction without forcing it and carries out its outputs in order as
 * TransactionRun does ({@link RunInputs}), the decision for the initiator going back to it as a one-way message (the
 * answer to its begin); a participant applies a message and its business work in one local
 * transaction; and an expired branch timer does what tx-participant does ({@link ParticipantTimers}), a question
 * about a transaction the log does not know leaving a presumed abort in the log.
 */
final class Cluster {

    static final String TX = "tx-1";
    static final String COORDINATOR = "coordinator";
    /** The participant that begins the transaction: order-service. */
    static final String INITIATOR = "order";

    static final List<String> PARTICIPANTS = List.of("order", "inventory", "payment");
    static final List<String> NODES = List.of(COORDINATOR, "order", "inventory", "payment");

    private final Protocol protocol;
    private final FailureModel failures;
    private final Random random;
    private final Trace trace;
    private final Network network = new Network();
    private final Coordinator coordinator;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<Happened, Integer> tally = new EnumMap<>(Happened.class);
    /** While the schedule settles nothing goes wrong any more. */
    private boolean calm;

    Cluster(Mode mode, Random random, Trace trace) {
        this.protocol = mode.protocol();
        this.failures = mode.failures();
        this.random = random;
        this.trace = trace;
        // the initiator never begins a transaction it would vote NO on
        PARTICIPANTS.forEach(name -> participants.put(
                name,
                new Participant(
                        name,
                        !isInitiator(name) && random.nextInt(5) == 0 ? Vote.no("OUT_OF_STOCK") : Vote.yes(),
                        TX)));
        this.coordinator = new Coordinator(protocol);
    }

    /**
     * 2PC: the initiator prepares its own branch in one local transaction, then sends the coordinator its begin. 3PC:
     * the coordinator records the transaction and sends CAN-COMMIT to every participant.
     */
    void start() {
        trace.next();
        var votes = new LinkedHashMap<String, String>();
        participants.values().forEach(p -> votes.put(p.name(), Describe.vote(p.intendedVote())));
        trace.key(() -> protocol.label() + ", the participants will vote " + votes);
        if (protocol == Protocol.TWO_PHASE) {
            apply(INITIATOR, participant(INITIATOR), RunInputs.prepare(TX, 1, protocol, PARTICIPANTS));
            if (failures.restarts() && random.nextInt(20) == 0) {
                trace.key(() -> "the coordinator is down when the initiator begins");
                coordinator.crash();
            }
            send(new Envelope.Begin(INITIATOR));
        } else {
            coordinator.begin(TxState.begin(TX, protocol, PARTICIPANTS, 1));
            feed(new Start());
        }
    }

    private boolean isInitiator(String participant) {
        return protocol == Protocol.TWO_PHASE && participant.equals(INITIATOR);
    }

    // ---- the network

    int inFlight() {
        return network.inFlight();
    }

    void deliver(int index) {
        trace.next();
        arrive(network.take(index));
    }

    void duplicate(int index) {
        trace.next();
        count(Happened.MESSAGE_DUPLICATED);
        trace.add(() -> "duplicated:");
        arrive(network.peek(index));
    }

    /** A lost request, or the lost answer to a request that was applied. */
    void lose(int index) {
        trace.next();
        count(Happened.MESSAGE_LOST);
        switch (network.take(index)) {
            case Request request -> {
                if (random.nextBoolean()) {
                    trace.add(() -> "the answer is lost, not the request:");
                    apply(request.from(), participants.get(request.to()), request.message());
                } else {
                    trace.add(() -> "lost: " + request.from() + " -> " + request.to() + " "
                            + Describe.message(request.message()));
                }
                callFailed(request);
            }
            case Answer answer ->
                trace.add(() -> "lost: " + answer.from() + " -> coordinator " + Describe.input(answer.input()));
            case Envelope.Begin begin -> trace.key(() -> "lost: " + begin.from() + " -> coordinator begin");
        }
    }

    void partition() {
        trace.next();
        count(Happened.PARTITION);
        var side = new LinkedHashSet<String>();
        int members = 1 + random.nextInt((1 << NODES.size()) - 2);
        for (int i = 0; i < NODES.size(); i++) {
            if ((members & (1 << i)) != 0) {
                side.add(NODES.get(i));
            }
        }
        network.split(side, NODES);
        trace.key(() -> "the network splits " + side + " from the rest");
    }

    void heal() {
        trace.next();
        network.heal();
        trace.key(() -> "the network heals");
    }

    boolean partitioned() {
        return network.partitioned();
    }

    // ---- crashes, restarts, takeovers

    boolean up(String node) {
        return node.equals(COORDINATOR)
                ? coordinator.up()
                : participants.get(node).up();
    }

    /** A crashed node loses what was on its way to it; the coordinator also loses its unforced log writes. */
    void crash(String node) {
        trace.next();
        count(Happened.NODE_CRASHED);
        if (node.equals(COORDINATOR)) {
            var lost = coordinator.log().buffered();
            if (lost > 0) {
                count(Happened.UNFORCED_WRITES_LOST);
            }
            coordinator.crash();
            // a begin on its way had connected: the initiator does not know that it was lost (its timer asks later)
            network.dropTo(COORDINATOR);
            trace.key(() -> "coordinator crashes, losing " + lost + " unforced log writes");
        } else {
            participants.get(node).crash();
            trace.key(() -> node + " crashes");
            network.dropTo(node).forEach(envelope -> callFailed((Request) envelope));
        }
    }

    /** A restarted coordinator recovers what its log shows unfinished, as it does at start-up. */
    void restart(String node) {
        trace.next();
        count(Happened.NODE_RESTARTED);
        trace.key(() -> node + " restarts");
        if (node.equals(COORDINATOR)) {
            coordinator.restart();
            if (coordinator.holdsTheTransaction() && coordinator.state().phase() != TxPhase.ENDED) {
                feed(new Recover());
            }
        } else {
            participants.get(node).restart();
        }
    }

    /** Another coordinator instance takes the transaction over (its owner's lease expired) and recovers it. */
    void takeOver() {
        trace.next();
        if (!coordinator.up() || !coordinator.takeOver()) {
            trace.add(() -> "no coordinator instance has anything to take over");
            return;
        }
        count(Happened.TAKEOVER);
        trace.key(() -> "another coordinator instance takes the transaction over with epoch "
                + coordinator.state().epoch());
        feed(new Recover());
    }

    /** Some of the unforced log writes reach the disk, oldest first. */
    void flushLog() {
        trace.next();
        int count = 1 + random.nextInt(coordinator.log().buffered());
        coordinator.log().flush(count);
        trace.add(() -> "the coordinator's database flushes " + count + " unforced writes");
    }

    int unflushedWrites() {
        return coordinator.log().buffered();
    }

    // ---- the coordinator's timers

    /** In a synchronous system timers fire and nodes restart only once every message to a live node arrived. */
    boolean timeMayPass() {
        return !failures.synchronous() || !network.anyTo(this::up);
    }

    /**
     * Under perfect failure detection the PRE-COMMIT deadline expires only for participants that are down: a
     * live one's acknowledgement always arrives first.
     */
    boolean deadlineDue() {
        if (!coordinator.deadlineArmed() || !timeMayPass()) {
            return false;
        }
        var state = coordinator.state();
        return !failures.synchronous()
                || state.phase() != TxPhase.PRE_COMMITTING
                || state.participants().stream()
                        .filter(name -> !state.preCommitted().contains(name))
                        .noneMatch(this::up);
    }

    void deadline() {
        trace.next();
        feed(new Timeout());
    }

    boolean passDue() {
        return coordinator.periodicPass().isPresent() && timeMayPass();
    }

    void periodicPass() {
        trace.next();
        coordinator.periodicPass().ifPresent(this::feed);
    }

    // ---- settling

    /** From now on nothing goes wrong any more: no loss, no crash. */
    void calm() {
        calm = true;
        trace.next();
        trace.key(() -> "settle:");
    }

    /** Every message arrives, oldest first, until none is left. */
    void deliverAll() {
        while (network.inFlight() > 0) {
            deliver(0);
        }
    }

    /**
     * No branch that can still act is in doubt and nothing is under way: no branch can change any more (a
     * commit needs every branch PREPARED first), so more failures could only delay the coordinator's end.
     */
    boolean over() {
        return network.inFlight() == 0
                && participants.values().stream()
                        .noneMatch(p -> p.leading() != null
                                || p.branch().state().isInDoubt() && (p.up() || failures.restarts()));
    }

    /**
     * Nothing more will happen by itself: the coordinator (if up) ended or never heard of the transaction, and no
     * live branch is in doubt.
     */
    boolean quiet() {
        return over()
                && (!coordinator.holdsTheTransaction() || coordinator.state().phase() == TxPhase.ENDED);
    }

    Outcome outcome(Mode mode, long seed) {
        var votes = new LinkedHashMap<String, Vote>();
        var branches = new LinkedHashMap<String, Branch>();
        participants.values().forEach(p -> {
            votes.put(p.name(), p.intendedVote());
            branches.put(p.name(), p.branch());
        });
        return new Outcome(
                mode,
                seed,
                votes,
                branches,
                participantsWhere(Participant::up),
                coordinator.up(),
                coordinator.state(),
                coordinator.log().visibleState().orElse(null),
                tally,
                trace);
    }

    // ---- for ParticipantTimers

    Participant participant(String name) {
        return participants.get(name);
    }

    List<String> participantsWhere(Predicate<Participant> predicate) {
        return participants.values().stream()
                .filter(predicate)
                .map(Participant::name)
                .toList();
    }

    CoordinatorLog coordinatorLog() {
        return coordinator.log();
    }

    /**
     * A participant asks about a transaction the coordinator's log does not know: the coordinator forces a presumed
     * abort into its log before it answers, so that the initiator's begin, if it is still on its way, is refused.
     */
    void presumeAbort() {
        count(Happened.PRESUMED_ABORT);
        coordinator.presumeAbort();
        trace.key(() -> "the coordinator has no record: it logs a presumed abort");
    }

    Trace trace() {
        return trace;
    }

    boolean reaches(String from, String to) {
        return up(to) && network.connected(from, to);
    }

    /** Whether a call fails this time, one time in {@code oneIn}, on a lossy network before it settles. */
    boolean unreliable(int oneIn) {
        return failures.lossy() && !calm && random.nextInt(oneIn) == 0;
    }

    /** A message to a node that is down, or across a cut link, fails at once. */
    void send(Envelope envelope) {
        if (reaches(envelope.from(), envelope.to())) {
            network.send(envelope);
            return;
        }
        trace.add(() -> envelope.from() + " -> " + envelope.to() + " fails: down or cut off");
        if (envelope instanceof Request request) {
            callFailed(request);
        }
        beginFailed(envelope);
    }

    /**
     * A begin that never reached the coordinator (no connection): the initiator knows nothing began, and aborts its
     * own branch at once, as order-service does when its call never connected. A begin lost after it connected is
     * not known to have failed: the initiator's timer asks the coordinator later.
     */
    private void beginFailed(Envelope envelope) {
        if (envelope instanceof Envelope.Begin begin
                && participant(begin.from()).up()) {
            count(Happened.BEGIN_REFUSED);
            apply(
                    begin.from(),
                    participant(begin.from()),
                    new BranchMessage.Abort(TX, 1, Reasons.COORDINATOR_UNAVAILABLE));
        }
    }

    /** The participant applies a message and its business work in one local transaction. */
    Reply apply(String from, Participant participant, BranchMessage message) {
        var before = participant.branch().state();
        var reply = participant.receive(message);
        var after = participant.branch().state();
        Supplier<String> line = () -> from + " -> " + participant.name() + " " + Describe.message(message) + ": "
                + after + ", " + Describe.reply(reply);
        if (after != before) {
            trace.key(line);
        } else {
            trace.add(line);
        }
        if (reply instanceof Reply.Refusal refusal) {
            count(
                    switch (refusal.why()) {
                        case STALE_EPOCH -> Happened.REFUSED_STALE_EPOCH;
                        case CONFLICT -> Happened.REFUSED_CONFLICT;
                        case UNKNOWN_TRANSACTION -> Happened.REFUSED_UNKNOWN_TRANSACTION;
                    });
        }
        return reply;
    }

    void count(Happened happened) {
        tally.merge(happened, 1, Integer::sum);
    }

    // ---- the coordinator's wiring

    private void arrive(Envelope envelope) {
        if (!network.connected(envelope.from(), envelope.to())) {
            count(Happened.MESSAGE_LOST);
            trace.add(() -> "cut off: " + envelope.from() + " -> " + envelope.to());
            if (envelope instanceof Request request) {
                callFailed(request);
            }
            return;
        }
        switch (envelope) {
            case Request request -> {
                var participant = participants.get(request.to());
                var reply = apply(request.from(), participant, request.message());
                if (request.replyTo() == 0) {
                    return;
                }
                if (!calm && random.nextInt(60) == 0) {
                    count(Happened.PARTICIPANT_CRASHED_BEFORE_ANSWERING);
                    trace.add(() -> participant.name() + " crashes before it answers:");
                    callFailed(request);
                    crash(participant.name());
                    return;
                }
                RunInputs.answer(
                                request.to(),
                                request.message(),
                                reply,
                                participant.branch().state())
                        .ifPresent(input -> send(new Answer(request.to(), input, request.replyTo())));
            }
            case Envelope.Begin begin -> begun(begin);
            case Answer answer -> {
                if (!coordinator.up() || coordinator.incarnation() != answer.incarnation()) {
                    trace.add(() -> answer.from() + " -> coordinator " + Describe.input(answer.input())
                            + ": the incarnation that asked is gone");
                    return;
                }
                feed(answer.input());
            }
        }
    }

    /**
     * The begin reaches the coordinator: a transaction its log does not know is recorded and run; one it knows (a
     * begin that arrived twice, or after a presumed abort) is not run again, and its decision, if any, is the answer.
     */
    private void begun(Envelope.Begin begin) {
        if (coordinator.holdsTheTransaction()) {
            var known = coordinator.state();
            trace.add(() -> "the coordinator knows the transaction already: " + known.phase());
            if (known.decision() != null) {
                send(new Request(
                        COORDINATOR,
                        begin.from(),
                        RunInputs.decision(TX, known.decision(), known.reason(), known.epoch()),
                        0));
            }
            return;
        }
        coordinator.begin(TxState.begunBy(begin.from(), TX, protocol, PARTICIPANTS, 1));
        trace.key(() -> "the coordinator records the transaction (not forced)");
        feed(new Start());
    }

    /**
     * A coordinator call that failed for good. Under perfect failure detection the run always learns of it;
     * otherwise only sometimes, as when its own client gave up while the call was merely slow.
     */
    private void callFailed(Request request) {
        if (request.replyTo() != 0 && (failures.synchronous() || random.nextBoolean())) {
            RunInputs.failure(request.to(), request.message())
                    .ifPresent(input -> send(new Answer(COORDINATOR, input, request.replyTo())));
        }
    }

    private void feed(TxInput input) {
        var from = coordinator.state().phase();
        var step = coordinator.apply(input);
        var outputs = step.outputs();
        Supplier<String> line = () -> "coordinator <- " + Describe.input(input) + ": "
                + step.next().phase() + " " + Describe.outputs(outputs);
        if (step.next().phase() != from) {
            trace.key(line);
        } else {
            trace.add(line);
        }
        // a crash between two outputs: the halt points of the service, and any other instant
        int crashBefore = !calm && !outputs.isEmpty() && random.nextInt(40) == 0 ? random.nextInt(outputs.size()) : -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (i == crashBefore) {
                count(Happened.COORDINATOR_CRASHED_MID_STEP);
                trace.add(() -> "the coordinator crashes after " + crashBefore + " of these outputs:");
                crash(COORDINATOR);
                return;
            }
            carryOut(outputs.get(i));
        }
    }

    private void carryOut(TxOutput output) {
        var state = coordinator.state();
        switch (output) {
            case TxOutput.SendPrepare(var participant) ->
                request(participant, RunInputs.prepare(TX, state.epoch(), protocol, PARTICIPANTS));
            case TxOutput.SendPreCommit(var participant) ->
                request(participant, new BranchMessage.PreCommit(TX, state.epoch()));
            case TxOutput.SendDecision(var participant, var decision) ->
                request(participant, RunInputs.decision(TX, decision, state.reason(), state.epoch()));
            case TxOutput.TellInitiator(var participant, var decision) ->
                // the answer to the begin, or a message no one waits for: either may be lost
                send(new Request(
                        COORDINATOR, participant, RunInputs.decision(TX, decision, state.reason(), state.epoch()), 0));
            case TxOutput.QueryBranches() -> {
                // the participants that answer GET /tx/branches/{txId} now; the others are left out
                var reachable = new LinkedHashMap<String, BranchState>();
                PARTICIPANTS.stream()
                        .filter(name -> reaches(COORDINATOR, name) && !unreliable(6))
                        .forEach(name -> reachable.put(
                                name, participants.get(name).branch().state()));
                send(new Answer(COORDINATOR, new BranchStates(reachable), coordinator.incarnation()));
            }
            default -> coordinator.log().write(output);
        }
    }

    private void request(String participant, BranchMessage message) {
        send(new Request(COORDINATOR, participant, message, coordinator.incarnation()));
    }
}
