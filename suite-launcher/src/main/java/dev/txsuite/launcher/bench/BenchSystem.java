package dev.txsuite.launcher.bench;

/**
 * What {@code ./suite bench} compares: the baseline (one local transaction in one database, baseline-service)
 * and the suite through its gateway with every order on 2PC, then on 3PC.
 */
public enum BenchSystem {
    BASELINE("baseline", "LOCAL"),
    TWO_PC("2PC", "2PC"),
    THREE_PC("3PC", "3PC");

    private final String label;
    private final String protocol;

    BenchSystem(String label, String protocol) {
        this.label = label;
        this.protocol = protocol;
    }

    /** How the progress lines and the tables name it. */
    public String label() {
        return label;
    }

    /** The {@code protocol} of every order the bench places on it. */
    public String protocol() {
        return protocol;
    }
}
