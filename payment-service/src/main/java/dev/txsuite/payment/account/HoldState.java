package dev.txsuite.payment.account;

public enum HoldState {
    /** Prepared: the amount counts as held until the transaction's outcome is known. */
    HELD,
    /** Committed: the money left the account. */
    CAPTURED,
    /** Aborted: the money is available again. */
    RELEASED
}
