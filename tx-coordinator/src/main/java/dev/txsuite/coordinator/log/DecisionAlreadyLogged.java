package dev.txsuite.coordinator.log;

/**
 * Another run (recovery, or another coordinator instance) logged a decision for the transaction first. The
 * log's decision stands; the run that failed must send nothing.
 */
public class DecisionAlreadyLogged extends RuntimeException {

    public DecisionAlreadyLogged(String txId) {
        super("transaction " + txId + " was already decided in the log by another run");
    }
}
