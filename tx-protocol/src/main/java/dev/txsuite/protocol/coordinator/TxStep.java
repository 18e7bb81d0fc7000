package dev.txsuite.protocol.coordinator;

import java.util.List;

/** The new state of a transaction and what the caller must do to get there. */
public record TxStep(TxState next, List<TxOutput> outputs) {

    public TxStep {
        outputs = List.copyOf(outputs);
    }
}
