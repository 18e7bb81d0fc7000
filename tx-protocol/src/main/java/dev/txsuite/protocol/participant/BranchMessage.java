package dev.txsuite.protocol.participant;

/** What a coordinator (or, later, a peer in the termination protocol) sends to a participant. */
public sealed interface BranchMessage {

    String txId();

    long epoch();

    record Prepare(String txId, long epoch) implements BranchMessage {}

    record Commit(String txId, long epoch) implements BranchMessage {}

    record Abort(String txId, long epoch, String reason) implements BranchMessage {}
}
