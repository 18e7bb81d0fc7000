package dev.txsuite.protocol.participant;

import dev.txsuite.protocol.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * What a coordinator, or a participant leading the termination protocol, sends to a participant. Three-phase
 * commit's CAN-COMMIT is {@link Prepare} with protocol 3PC, its DO-COMMIT is {@link Commit}.
 */
public sealed interface BranchMessage {

    String txId();

    long epoch();

    /**
     * PREPARE (2PC) or CAN-COMMIT (3PC).
     *
     * @param participants every participant of the transaction; 3PC's termination protocol needs them
     */
    record Prepare(String txId, long epoch, Protocol protocol, List<String> participants) implements BranchMessage {

        public Prepare {
            Objects.requireNonNull(protocol, "protocol");
            participants = List.copyOf(participants);
        }

        /** A two-phase-commit PREPARE. */
        public Prepare(String txId, long epoch) {
            this(txId, epoch, Protocol.TWO_PHASE, List.of());
        }
    }

    /** Three-phase commit only: every participant voted YES; get ready to commit. */
    record PreCommit(String txId, long epoch) implements BranchMessage {}

    record Commit(String txId, long epoch) implements BranchMessage {}

    record Abort(String txId, long epoch, String reason) implements BranchMessage {}
}
