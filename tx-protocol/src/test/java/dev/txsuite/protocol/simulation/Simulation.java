package dev.txsuite.protocol.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays one schedule. The transaction starts; a random number of random events follow, each picked with a weight
 * among those possible at that moment (fewer when the transaction is over before); then the schedule settles.
 * Under {@link FailureModel#HOSTILE} every node comes back and the network heals; under the crash models the
 * coordinator is lost for good and the participants that may restart do. Then messages are delivered and timers
 * fired, round by round, until nothing more happens or the rounds run out. The seed alone decides the schedule:
 * nothing else is random, there are no threads and no clock.
 */
final class Simulation {

    private static final int MAX_CHAOS_EVENTS = 150;
    private static final int MAX_SETTLING_ROUNDS = 8;

    private record Choice(int weight, Runnable event) {}

    private final FailureModel failures;
    private final Random random;
    private final Cluster cluster;
    private final ParticipantTimers timers;

    private Simulation(FailureModel failures, Random random, Cluster cluster) {
        this.failures = failures;
        this.random = random;
        this.cluster = cluster;
        this.timers = new ParticipantTimers(cluster);
    }

    /** @param traced whether to record the trace (which slows the run down) */
    static Outcome run(Mode mode, long seed, boolean traced) {
        var random = new Random(seed);
        var cluster = new Cluster(mode, random, new Trace(traced));
        new Simulation(mode.failures(), random, cluster).play();
        return cluster.outcome(mode, seed);
    }

    private void play() {
        cluster.start();
        int events = random.nextInt(MAX_CHAOS_EVENTS);
        for (int i = 0; i < events && !cluster.over(); i++) {
            randomEvent();
        }
        settle();
    }

    private void randomEvent() {
        List<Choice> choices = new ArrayList<>();
        int inFlight = cluster.inFlight();
        if (inFlight > 0) {
            choices.add(new Choice(40, () -> cluster.deliver(random.nextInt(inFlight))));
            choices.add(new Choice(4, () -> cluster.duplicate(random.nextInt(inFlight))));
            if (failures.lossy()) {
                choices.add(new Choice(6, () -> cluster.lose(random.nextInt(inFlight))));
            }
        }
        if (cluster.deadlineDue()) {
            choices.add(new Choice(1, cluster::deadline));
        }
        if (cluster.passDue()) {
            choices.add(new Choice(5, cluster::periodicPass));
        }
        var due = timers.due();
        if (!due.isEmpty()) {
            choices.add(new Choice(4, () -> timers.fire(any(due))));
        }
        var leaders = timers.leaders();
        if (!leaders.isEmpty()) {
            choices.add(new Choice(10, () -> timers.leaderStep(any(leaders))));
        }
        var up = Cluster.NODES.stream().filter(cluster::up).toList();
        if (!up.isEmpty()) {
            choices.add(new Choice(3, () -> cluster.crash(any(up))));
        }
        var restartable = Cluster.NODES.stream()
                .filter(node -> !cluster.up(node) && failures.restarts())
                .toList();
        if (!restartable.isEmpty() && cluster.timeMayPass()) {
            choices.add(new Choice(6, () -> cluster.restart(any(restartable))));
        }
        if (cluster.unflushedWrites() > 0) {
            choices.add(new Choice(3, cluster::flushLog));
        }
        if (failures.takeovers()) {
            choices.add(new Choice(1, cluster::takeOver));
        }
        if (failures.partitions()) {
            choices.add(cluster.partitioned() ? new Choice(4, cluster::heal) : new Choice(1, cluster::partition));
        }
        pick(choices).run();
    }

    private void settle() {
        cluster.calm();
        if (failures.synchronous()) {
            if (cluster.up(Cluster.COORDINATOR)) {
                cluster.crash(Cluster.COORDINATOR);
            }
            cluster.deliverAll();
            Cluster.PARTICIPANTS.stream()
                    .filter(name -> !cluster.up(name) && failures.restarts())
                    .forEach(cluster::restart);
        } else {
            if (cluster.partitioned()) {
                cluster.heal();
            }
            Cluster.NODES.stream().filter(node -> !cluster.up(node)).forEach(cluster::restart);
        }
        for (int round = 0; round < MAX_SETTLING_ROUNDS && !cluster.quiet(); round++) {
            cluster.deliverAll();
            timers.finishTerminations();
            if (cluster.deadlineDue()) {
                cluster.deadline();
            }
            if (cluster.passDue()) {
                cluster.periodicPass();
            }
            for (var name : Cluster.PARTICIPANTS) {
                cluster.deliverAll();
                timers.finishTerminations();
                if (timers.due().contains(name)) {
                    timers.fire(name);
                }
            }
        }
        cluster.deliverAll();
        timers.finishTerminations();
    }

    private String any(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private Runnable pick(List<Choice> choices) {
        int total = choices.stream().mapToInt(Choice::weight).sum();
        int dice = random.nextInt(total);
        for (var choice : choices) {
            dice -= choice.weight();
            if (dice < 0) {
                return choice.event();
            }
        }
        throw new IllegalStateException("weights " + choices);
    }
}
