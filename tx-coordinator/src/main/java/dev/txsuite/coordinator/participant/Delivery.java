package dev.txsuite.coordinator.participant;

/** What became of a COMMIT or ABORT message. */
public enum Delivery {
    /** 2xx: the participant applied the decision. */
    ACKNOWLEDGED,
    /** 404 or 409: the participant says the message contradicts what it knows; a protocol violation. */
    REFUSED,
    /** Unreachable, timed out, circuit open or an error status: try again later. */
    UNDELIVERED
}
