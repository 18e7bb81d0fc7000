package dev.txsuite.faults;

import java.util.Set;

/**
 * The named points of the protocol at which a service can be told to halt, declared as beans of this type by
 * the service and the libraries it uses (all of them count). Without any, the service has no halt points (it can
 * still drop messages, pause and lose peers).
 */
public record HaltPoints(Set<String> names) {

    public HaltPoints {
        names = Set.copyOf(names);
    }
}
