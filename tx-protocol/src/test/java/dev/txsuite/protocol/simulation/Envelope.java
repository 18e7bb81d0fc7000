package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.coordinator.TxInput;
import dev.txsuite.protocol.participant.BranchMessage;

/** A message or an answer on the wire, between two nodes. */
sealed interface Envelope {

    String from();

    String to();

    /**
     * A protocol message for a participant.
     *
     * @param replyTo the coordinator incarnation that waits for the answer, 0 when nobody does (a decision the
     *     coordinator's log gave a participant's timer, a termination leader's call that it gave up on)
     */
    record Request(String from, String to, BranchMessage message, int replyTo) implements Envelope {}

    /**
     * The initiator's begin: it has prepared its own branch and voted YES, and asks the coordinator to run the
     * transaction. Sent once (a begin whose connection was made is never sent again: the coordinator may have it).
     */
    record Begin(String from) implements Envelope {

        @Override
        public String to() {
            return Cluster.COORDINATOR;
        }
    }

    /**
     * What the coordinator incarnation that sent a request learns of it: the answer, or that the call failed
     * (then {@code from} is the coordinator itself). An incarnation that is gone never gets it.
     */
    record Answer(String from, TxInput input, int incarnation) implements Envelope {

        @Override
        public String to() {
            return Cluster.COORDINATOR;
        }
    }
}
