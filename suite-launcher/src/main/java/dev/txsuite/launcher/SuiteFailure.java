package dev.txsuite.launcher;

/**
 * Something the user can fix (no PostgreSQL, a port taken, a service that would not start): printed as its
 * message alone, never as a stack trace.
 */
public class SuiteFailure extends RuntimeException {

    public SuiteFailure(String message) {
        super(message);
    }

    public SuiteFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
