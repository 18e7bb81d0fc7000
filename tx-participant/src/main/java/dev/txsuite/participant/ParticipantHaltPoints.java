package dev.txsuite.participant;

import dev.txsuite.faults.HaltPoints;
import java.util.Set;

/**
 * Where fault injection can halt a participant ({@code PUT /tx/faults {"haltAt":[...]}}): just after its local
 * transaction committed and before the sender hears of it, so that the sender has to find out from the
 * participant log after a restart.
 */
final class ParticipantHaltPoints {

    /** The PREPARE's local transaction (business work, vote and log row) committed; the vote not yet answered. */
    static final String PREPARED = "prepared";

    /** A COMMIT or ABORT applied and committed; not yet acknowledged. */
    static final String DECISION_APPLIED = "decision-applied";

    private ParticipantHaltPoints() {}

    static HaltPoints all() {
        return new HaltPoints(Set.of(PREPARED, DECISION_APPLIED));
    }
}
