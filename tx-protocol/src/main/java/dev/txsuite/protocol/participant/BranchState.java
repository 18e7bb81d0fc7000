package dev.txsuite.protocol.participant;

/** Where one participant's branch of a transaction stands, as its durable log records it. */
public enum BranchState {
    /** The participant has never heard of the transaction. Never stored. */
    NONE,
    /**
     * Voted YES; the tentative work (reservation, hold, pending order) is durable. Three-phase commit calls this
     * state READY: the branch waits for PRE-COMMIT.
     */
    PREPARED,
    /** Three-phase commit only: PRE-COMMIT received, so every participant voted YES; the branch waits for DO-COMMIT. */
    PRE_COMMITTED,
    COMMITTED,
    /** Aborted; also the tombstone left by an ABORT that arrived before any PREPARE. */
    ABORTED;

    public boolean isFinal() {
        return this == COMMITTED || this == ABORTED;
    }

    /** Voted YES and waiting for the outcome: what a participant's timer watches. */
    public boolean isInDoubt() {
        return this == PREPARED || this == PRE_COMMITTED;
    }
}
