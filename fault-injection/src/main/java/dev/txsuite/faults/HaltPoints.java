package dev.txsuite.faults;

import java.util.Set;

/**
 * The named points of the protocol at which a service can be told to halt; a service that has some declares
 * one bean of this type. Without one, the service has no halt points (it can still drop messages and lose
 * peers).
 */
public record HaltPoints(Set<String> names) {

    public HaltPoints {
        names = Set.copyOf(names);
    }
}
