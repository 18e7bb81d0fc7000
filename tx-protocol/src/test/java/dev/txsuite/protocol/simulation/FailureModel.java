package dev.txsuite.protocol.simulation;

/** What may go wrong in a schedule, and how the schedule ends. */
enum FailureModel {
    /**
     * Anything: messages lost, duplicated, reordered and delayed; every node crashes and restarts, at any point
     * of a step; another coordinator instance takes over; the network splits and heals; a failed call says
     * nothing about whether the other side is alive. It ends with every node up, the network healed and every
     * message arriving, so that progress can be checked.
     */
    HOSTILE(true, true, true, false, true),
    /**
     * The model three-phase commit is built for (Skeen): a synchronous system whose nodes fail by stopping.
     * Messages between live nodes are never lost (only delayed, duplicated, reordered) and arrive before any
     * timer fires; a node is unreachable only when it is down, so failure detection is perfect. A node that
     * crashes stays down, and at the end the coordinator is lost for good if it is not already, so that the
     * participants are left to their timers and the termination protocol.
     */
    CRASH(false, false, false, true, false),
    /** {@link #CRASH}, except that crashed nodes come back, with their durable state. */
    CRASH_RECOVERY(false, false, false, true, true);

    private final boolean lossy;
    private final boolean partitions;
    private final boolean takeovers;
    private final boolean synchronous;
    private final boolean restarts;

    FailureModel(boolean lossy, boolean partitions, boolean takeovers, boolean synchronous, boolean restarts) {
        this.lossy = lossy;
        this.partitions = partitions;
        this.takeovers = takeovers;
        this.synchronous = synchronous;
        this.restarts = restarts;
    }

    /** Messages and answers may be lost, and the sender learns of a failed call only sometimes. */
    boolean lossy() {
        return lossy;
    }

    boolean partitions() {
        return partitions;
    }

    boolean takeovers() {
        return takeovers;
    }

    /**
     * Timers fire and nodes restart only once every message to a live node has arrived, calls fail exactly
     * when their target is down, and the coordinator is lost for good at the end.
     */
    boolean synchronous() {
        return synchronous;
    }

    /** Crashed nodes come back. */
    boolean restarts() {
        return restarts;
    }
}
