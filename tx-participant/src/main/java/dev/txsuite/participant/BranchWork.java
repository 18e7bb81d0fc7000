package dev.txsuite.participant;

import dev.txsuite.protocol.Vote;

/**
 * The business work a service does as a participant; the only thing a service implements. Every method runs
 * inside the local database transaction that also writes the participant-log row, so the business change and
 * the log can never disagree. No method may call another service: no lock is held across a network call.
 *
 * @param <P> the payload the coordinator carries in PREPARE for this participant
 */
public interface BranchWork<P> {

    /** The record type the PREPARE payload is read into. */
    Class<P> payloadType();

    /**
     * Make the tentative change durable (a PENDING order, a reservation, a hold) and vote YES; or change nothing
     * and vote NO with a business reason. Called at most once per transaction.
     */
    Vote prepare(String txId, P payload);

    /** Make the tentative change final. Called once, only after a YES vote. */
    void commit(String txId);

    /** Undo the tentative change. Called once, only after a YES vote. */
    void abort(String txId, String reason);
}
