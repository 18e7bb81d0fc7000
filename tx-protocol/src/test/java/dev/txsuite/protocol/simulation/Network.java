package dev.txsuite.protocol.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The envelopes in flight, in no particular order, and the links a partition has cut. */
final class Network {

    private final List<Envelope> inFlight = new ArrayList<>();
    private final Set<String> cutLinks = new HashSet<>();

    void send(Envelope envelope) {
        inFlight.add(envelope);
    }

    int inFlight() {
        return inFlight.size();
    }

    Envelope peek(int index) {
        return inFlight.get(index);
    }

    Envelope take(int index) {
        return inFlight.remove(index);
    }

    /** Whether anything is on its way to a node the predicate accepts. */
    boolean anyTo(Predicate<String> node) {
        return inFlight.stream().anyMatch(envelope -> node.test(envelope.to()));
    }

    /** A node went down: what was on its way to it is lost. */
    List<Envelope> dropTo(String node) {
        var dropped =
                inFlight.stream().filter(envelope -> envelope.to().equals(node)).toList();
        inFlight.removeAll(dropped);
        return dropped;
    }

    boolean connected(String one, String other) {
        return !cutLinks.contains(link(one, other));
    }

    /** Cuts every link between {@code side} and the other nodes. */
    void split(Set<String> side, List<String> nodes) {
        for (var inside : side) {
            nodes.stream().filter(node -> !side.contains(node)).forEach(outside -> cutLinks.add(link(inside, outside)));
        }
    }

    void heal() {
        cutLinks.clear();
    }

    boolean partitioned() {
        return !cutLinks.isEmpty();
    }

    private static String link(String one, String other) {
        return one.compareTo(other) < 0 ? one + "|" + other : other + "|" + one;
    }
}
