package dev.txsuite.protocol;

import java.util.Arrays;

/** The commit protocol a transaction runs, named as in the public API ("2PC", "3PC"). */
public enum Protocol {
    TWO_PHASE("2PC"),
    THREE_PHASE("3PC");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the accepted values when the label is unknown */
    public static Protocol fromLabel(String label) {
        return Arrays.stream(values())
                .filter(protocol -> protocol.label.equalsIgnoreCase(label))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown protocol '" + label + "': use \"2PC\" or \"3PC\""));
    }
}
