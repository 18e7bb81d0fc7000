package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.coordinator.CoordinatorMachine;
import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.coordinator.TxInput.Recover;
import dev.txsuite.protocol.coordinator.TxInput.Retry;
import dev.txsuite.protocol.coordinator.TxPhase;
import dev.txsuite.protocol.coordinator.TxState;
import dev.txsuite.protocol.coordinator.TxStep;
import java.util.Optional;

/**
 * The coordinator node: the transaction's state in memory while it is up, and its log. Each restart or
 * takeover is a new incarnation: answers to the calls of an earlier one go nowhere.
 */
final class Coordinator {

    private final CoordinatorLog log;
    private TxState state;
    private int incarnation = 1;
    /** This incarnation sent PREPARE itself, so its deadlines are armed; one resumed from the log has none. */
    private boolean running = true;

    Coordinator(TxState begun) {
        this.log = new CoordinatorLog(begun);
        this.state = begun;
    }

    TxStep apply(TxInput input) {
        var step = CoordinatorMachine.on(state, input);
        state = step.next();
        return step;
    }

    boolean up() {
        return state != null;
    }

    /** The state in memory; null while down. */
    TxState state() {
        return state;
    }

    CoordinatorLog log() {
        return log;
    }

    int incarnation() {
        return incarnation;
    }

    void crash() {
        state = null;
        running = false;
        log.loseBuffer();
    }

    /** Back from a crash with what the log kept; the caller feeds {@link Recover}. */
    void restart() {
        incarnation++;
        state = log.durableState();
    }

    /** Another instance takes the transaction over from the log, with a higher epoch that fences this one out. */
    void takeOver() {
        var found = log.visibleState();
        var newEpoch = found.epoch() + 1;
        log.takenOver(newEpoch);
        state = found.takenOver(newEpoch);
        incarnation++;
        running = false;
    }

    /** The vote deadline, and under 3PC the PRE-COMMIT acknowledgement deadline, of a running incarnation. */
    boolean deadlineArmed() {
        return up() && running && (state.phase() == TxPhase.PREPARING || state.phase() == TxPhase.PRE_COMMITTING);
    }

    /**
     * The recovery pass the service runs every {@code retry-interval}: a decided transaction has its decision
     * sent again; an undecided one that no running incarnation holds is recovered.
     */
    Optional<TxInput> periodicPass() {
        if (!up()) {
            return Optional.empty();
        }
        return switch (state.phase()) {
            case COMMITTING, ABORTING -> Optional.of(new Retry());
            case PREPARING, PRE_COMMITTING -> running ? Optional.empty() : Optional.of(new Recover());
            case ENDED -> Optional.empty();
        };
    }
}
