package dev.txsuite.inventory.stock;

public enum ReservationState {
    /** Prepared: the units count as reserved until the transaction's outcome is known. */
    RESERVED,
    /** Committed: the units left the warehouse. */
    TAKEN,
    /** Aborted: the units are available again. */
    RELEASED
}
