package dev.txsuite.launcher.bench;

/**
 * What {@code ./suite bench} compares: the baseline (one local transaction in one database, baseline-service), reached
 * through the suite's gateway as 2PC and 3PC are, and directly; and the suite through its gateway with every order on
 * 2PC, then on 3PC. The ratios are to the baseline through the gateway: all three then pay for the same edge.
 */
public enum BenchSystem {
    BASELINE("baseline", "LOCAL", true),
    TWO_PC("2PC", "2PC", true),
    THREE_PC("3PC", "3PC", true),
    BASELINE_DIRECT("baseline direct", "LOCAL", false);

    private final String label;
    private final String protocol;
    private final boolean throughTheGateway;

    BenchSystem(String label, String protocol, boolean throughTheGateway) {
        this.label = label;
        this.protocol = protocol;
        this.throughTheGateway = throughTheGateway;
    }

    /** How the progress lines and the tables name it. */
    public String label() {
        return label;
    }

    /** The {@code protocol} of every order the bench places on it. */
    public String protocol() {
        return protocol;
    }

    /** Whether its orders enter through the suite's gateway, which counts no requests of its own for the bench. */
    public boolean throughTheGateway() {
        return throughTheGateway;
    }
}
