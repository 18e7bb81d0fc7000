package dev.txsuite.faults;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The faults armed in one service: {@code PUT /tx/faults} sets it, {@code DELETE /tx/faults} clears it.
 *
 * @param haltAt the named points at which the process halts at once, as {@code kill -9} would stop it (the
 *     service lists the points it has; an unknown one is refused)
 * @param drop the incoming protocol messages answered with 503 without being applied, as if the network lost
 *     them: {@code prepare}, {@code pre-commit}, {@code commit}, {@code abort}
 * @param unreachable the peers (participant names, or {@code coordinator}) this service's own calls cannot
 *     reach, as if the network between them were cut
 * @param delayMillis how long to pause at a named point or before applying an incoming protocol message, by its
 *     name ({@code "prepare": 3000}): a slow disk, a long GC pause, a congested network
 * @param voteNo a participant votes NO with this reason on every PREPARE (its business work is not run), or
 *     null
 */
public record FaultPlan(
        Set<String> haltAt, Set<String> drop, Set<String> unreachable, Map<String, Long> delayMillis, String voteNo) {

    public static final Set<String> MESSAGES = Set.of("prepare", "pre-commit", "commit", "abort");
    public static final FaultPlan NONE = new FaultPlan(Set.of(), Set.of(), Set.of(), Map.of(), null);

    /** Halts, dropped messages and cut-off peers only. */
    public FaultPlan(Set<String> haltAt, Set<String> drop, Set<String> unreachable) {
        this(haltAt, drop, unreachable, Map.of(), null);
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public FaultPlan {
        haltAt = haltAt == null ? Set.of() : Set.copyOf(haltAt);
        drop = drop == null ? Set.of() : Set.copyOf(drop);
        unreachable = unreachable == null ? Set.of() : Set.copyOf(unreachable);
        delayMillis = delayMillis == null ? Map.of() : Map.copyOf(delayMillis);
        delayMillis.forEach((point, millis) -> {
            if (millis == null || millis < 0 || millis > 600_000) {
                throw new IllegalArgumentException(
                        "\"delayMillis\" of '" + point + "' must be between 0 and 600000, was " + millis);
            }
        });
        if (voteNo != null && voteNo.isBlank()) {
            throw new IllegalArgumentException("\"voteNo\" is the reason of the NO vote, e.g. \"OUT_OF_STOCK\"");
        }
        drop.stream().filter(message -> !MESSAGES.contains(message)).findFirst().ifPresent(message -> {
            throw new IllegalArgumentException(
                    "\"drop\" names protocol messages " + MESSAGES + ", not '" + message + "'");
        });
        unreachable.stream()
                .filter(peer -> !NAME.matcher(peer).matches())
                .findFirst()
                .ifPresent(peer -> {
                    throw new IllegalArgumentException(
                            "\"unreachable\" names peers in lower case (\"inventory\", \"coordinator\"), not '" + peer
                                    + "'");
                });
    }
}
