package dev.txsuite.protocol.participant;

/** Where one participant's branch of a transaction stands, as its durable log records it. */
public enum BranchState {
    /** The participant has never heard of the transaction. Never stored. */
    NONE,
    /** Voted YES; the tentative work (reservation, hold, pending order) is durable. */
    PREPARED,
    COMMITTED,
    /** Aborted; also the tombstone left by an ABORT that arrived before any PREPARE. */
    ABORTED;

    public boolean isFinal() {
        return this == COMMITTED || this == ABORTED;
    }
}
