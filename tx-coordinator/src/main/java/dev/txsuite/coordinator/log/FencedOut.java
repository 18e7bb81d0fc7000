package dev.txsuite.coordinator.log;

/**
 * A write of a run found the transaction owned by another instance, or at a higher epoch, than the run holds:
 * the transaction was taken over while this instance could not renew its lease (a pause, a partition). The write
 * changed nothing, and the run must send nothing more: its in-memory state is no longer the log's.
 */
public class FencedOut extends RuntimeException {

    public FencedOut(String txId, long epoch, String owner, long ownerEpoch) {
        super("this instance was fenced out of transaction " + txId + " by " + owner + " at epoch " + ownerEpoch
                + " (this run holds epoch " + epoch + ")");
    }
}
