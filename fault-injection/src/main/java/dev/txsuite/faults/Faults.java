package dev.txsuite.faults;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults a service is told to suffer, asked at the named points of the protocol. Inert unless
 * {@code txsuite.faults.enabled} is true: then nothing can arm it, and every question answers "no fault".
 */
public class Faults {

    /** The exit status of a halted process: what {@code kill -9} gives a shell (128 + 9). */
    static final int HALT_STATUS = 137;

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    private final Set<String> haltPoints;
    private final Runnable halt;
    private volatile FaultPlan plan = FaultPlan.NONE;

    /**
     * @param haltPoints the points this service can halt at; a plan naming another is refused
     * @param halt stops the process without running shutdown hooks or finishing anything in flight
     */
    Faults(Set<String> haltPoints, Runnable halt) {
        this.haltPoints = Set.copyOf(haltPoints);
        this.halt = halt;
    }

    /** Halts the process here if this point is armed. Nothing after the call runs. */
    public void reached(String point) {
        if (!haltPoints.contains(point)) {
            throw new IllegalArgumentException("'" + point + "' is not one of the halt points " + haltPoints);
        }
        if (plan.haltAt().contains(point)) {
            log.error("fault injection: halting the process at '{}'", point);
            halt.run();
        }
    }

    /**
     * Pauses the calling thread here for the armed delay of this point or incoming message, if any. Unlike a
     * halt point, any name may be delayed: a delay armed for a name nobody asks for simply never happens.
     */
    public void pause(String pointOrMessage) {
        var millis = plan.delayMillis().get(pointOrMessage);
        if (millis == null || millis == 0) {
            return;
        }
        log.warn("fault injection: pausing {} ms at '{}'", millis, pointOrMessage);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reason of the NO vote a participant is told to give to every PREPARE, if it is. */
    public Optional<String> forcedNoVote() {
        return Optional.ofNullable(plan.voteNo());
    }

    /** Whether this incoming protocol message ({@code prepare}, {@code pre-commit}, ...) is to be lost. */
    public boolean drops(String message) {
        var dropped = plan.drop().contains(message);
        if (dropped) {
            log.warn("fault injection: dropping an incoming {}", message);
        }
        return dropped;
    }

    /** Whether this service's calls to the peer are to fail as if the network were cut. */
    public boolean cutOff(String peer) {
        return plan.unreachable().contains(peer);
    }

    public FaultPlan plan() {
        return plan;
    }

    public Set<String> haltPoints() {
        return new TreeSet<>(haltPoints);
    }

    void arm(FaultPlan newPlan) {
        var unknown = new TreeSet<>(newPlan.haltAt());
        unknown.removeAll(haltPoints);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown halt points " + unknown + "; this service has " + new TreeSet<>(haltPoints));
        }
        plan = newPlan;
        log.warn("fault injection armed: {}", newPlan);
    }
}
