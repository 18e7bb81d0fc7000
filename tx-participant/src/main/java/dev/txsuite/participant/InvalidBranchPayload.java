package dev.txsuite.participant;

/** A PREPARE whose payload is missing or does not fit this participant's payload type: the caller's mistake. */
public class InvalidBranchPayload extends RuntimeException {

    public InvalidBranchPayload(String message, Throwable cause) {
        super(message, cause);
    }
}
