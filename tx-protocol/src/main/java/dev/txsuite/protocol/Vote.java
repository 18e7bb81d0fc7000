package dev.txsuite.protocol;

import java.util.Objects;

/** A participant's answer to PREPARE: YES, or NO with the reason (e.g. OUT_OF_STOCK). */
public record Vote(boolean isYes, String reason) {

    public Vote {
        if (isYes && reason != null) {
            throw new IllegalArgumentException("a YES vote carries no reason");
        }
        if (!isYes) {
            Objects.requireNonNull(reason, "a NO vote needs a reason");
        }
    }

    public static Vote yes() {
        return new Vote(true, null);
    }

    public static Vote no(String reason) {
        return new Vote(false, reason);
    }
}
