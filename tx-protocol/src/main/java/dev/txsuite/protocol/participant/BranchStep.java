package dev.txsuite.protocol.participant;

/**
 * The result of feeding a message to the participant machine.
 *
 * @param next the branch record to store (unchanged when nothing changed)
 * @param work the business work to run in the same local transaction as storing {@code next}
 * @param reply the answer to send, or null while PREPARE work is still to be run
 */
public record BranchStep(Branch next, Work work, Reply reply) {

    public boolean changed(Branch before) {
        return !next.equals(before);
    }
}
