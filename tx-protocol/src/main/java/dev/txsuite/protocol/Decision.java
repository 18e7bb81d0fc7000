package dev.txsuite.protocol;

/** The global outcome of a transaction. */
public enum Decision {
    COMMIT,
    ABORT
}
