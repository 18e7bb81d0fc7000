package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Protocol;
import dev.txsuite.protocol.coordinator.CoordinatorMachine;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.coordinator.TxStep;
import java.util.Optional;

/**
 * The coordinator node: whether it is up, the transaction's state in memory once it has begun it (or found it in its
 * log), and its log. Each restart or takeover is a new incarnation: answers to the calls of an earlier one go nowhere.
 */
final class Coordinator {

    private final CoordinatorLog log;
    private boolean up = true;
    /** Null until the initiator's begin arrived, or while the log has no record of the transaction. */
    private TxState state;

    private int incarnation = 1;
    /** This incarnation sent PREPARE itself, so its deadlines are armed; one resumed from the log has none. */
    private boolean running;

    Coordinator(Protocol protocol) {
        this.log = new CoordinatorLog(protocol);
    }

    /** The initiator's begin arrived: record the transaction (not forced) and run it. */
    void begin(TxState begun) {
        log.record(begun);
        state = begun;
        running = true;
    }

    /** Told a participant ABORT for a transaction the log does not know; the log keeps it (forced). */
    void presumeAbort() {
        log.presumeAbort();
        state = log.visibleState().orElseThrow();
    }

    TxStep apply(TxInput input) {
        var step = CoordinatorMachine.on(state, input);
        state = step.next();
        return step;
    }

    boolean up() {
        return up;
    }

    /** Up, and running the transaction or holding its record. */
    boolean holdsTheTransaction() {
        return up && state != null;
    }

    /** The state in memory; null while down, or when it knows nothing of the transaction. */
    TxState state() {
        return up ? state : null;
    }

    CoordinatorLog log() {
        return log;
    }

    int incarnation() {
        return incarnation;
    }

    void crash() {
        up = false;
        state = null;
        running = false;
        log.loseBuffer();
    }

    /** Back from a crash with what the log kept; the caller feeds {@link Recover} if it has a record. */
    void restart() {
        up = true;
        incarnation++;
        state = log.durableState().orElse(null);
    }

    /**
     * Another instance takes the transaction over from the log, with a higher epoch that fences this one out.
     *
     * @return false when the log has no record of it: there is nothing to take over
     */
    boolean takeOver() {
        var found = log.visibleState();
        if (found.isEmpty()) {
            return false;
        }
        var newEpoch = found.get().epoch() + 1;
        log.takenOver(newEpoch);
        state = found.get().takenOver(newEpoch);
        incarnation++;
        running = false;
        return true;
    }

    /** The vote deadline, and under 3PC the PRE-COMMIT acknowledgement deadline, of a running incarnation. */
    boolean deadlineArmed() {
        return holdsTheTransaction()
                && running
                && (state.phase() == TxPhase.PREPARING || state.phase() == TxPhase.PRE_COMMITTING);
    }

    /**
     * The recovery pass the service runs every {@code retry-interval}: a decided transaction has its decision
     * sent again; an undecided one that no running incarnation holds is recovered.
     */
    Optional<TxInput> periodicPass() {
        if (!holdsTheTransaction()) {
            return Optional.empty();
        }
        return switch (state.phase()) {
            case COMMITTING, ABORTING -> Optional.of(new Retry());
            case PREPARING, PRE_COMMITTING -> running ? Optional.empty() : Optional.of(new Recover());
            case ENDED -> Optional.empty();
        };
    }
}
