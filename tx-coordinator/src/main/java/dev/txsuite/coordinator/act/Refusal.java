package dev.txsuite.coordinator.act;

import java.time.Instant;

/** An action refused: the stable {@code reason} and, for a person, why. */
record Refusal(RefusalReason reason, String detail) {

    /** " at 2026-01-01T10:00:00Z", or nothing when the moment is not in the log. */
    static String at(Instant moment) {
        return moment == null ? "" : " at " + moment;
    }
}
