package dev.txsuite.protocol.simulation;

import dev.txsuite.protocol.Protocol;

/** A protocol under a failure model: what one test of {@link SimulationTests} explores, seed by seed. */
enum Mode {
    TWO_PHASE_HOSTILE(Protocol.TWO_PHASE, FailureModel.HOSTILE),
    THREE_PHASE_CRASH(Protocol.THREE_PHASE, FailureModel.CRASH),
    /** The contrast to {@link #THREE_PHASE_CRASH}: the same failures, under which 2PC blocks. */
    TWO_PHASE_CRASH(Protocol.TWO_PHASE, FailureModel.CRASH),
    /**
     * 3PC when crashed nodes come back: a returning participant may terminate alone, and a returning coordinator
     * may lead the termination protocol alongside a participant; either can split.
     */
    THREE_PHASE_CRASH_RECOVERY(Protocol.THREE_PHASE, FailureModel.CRASH_RECOVERY),
    /** 3PC outside its model: partitions and lost messages, where it is known to split. */
    THREE_PHASE_PARTITION(Protocol.THREE_PHASE, FailureModel.HOSTILE);

    private final Protocol protocol;
    private final FailureModel failures;

    Mode(Protocol protocol, FailureModel failures) {
        this.protocol = protocol;
        this.failures = failures;
    }

    Protocol protocol() {
        return protocol;
    }

    FailureModel failures() {
        return failures;
    }
}
