package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.TransactionSearch;
import dev.txsuite.coordinator.log.TransactionState;
import dev.txsuite.protocol.Protocol;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The filters of {@code GET /api/transactions}, as given; {@link #search} checks each and says which one is wrong.
 *
 * @param state {@code IN_FLIGHT} (not ended), {@code IN_DOUBT}, {@code FINISHED} or a {@link TransactionState}
 * @param protocol 2PC or 3PC, or null
 * @param participant a participant the transaction has a branch of, or null
 * @param minAgeSeconds null, or at least 0
 * @param q a transaction id or an order id, or a prefix of one of at least {@link TransactionSearch#MIN_PREFIX}
 * @param limit 1 to {@link #MAX_LIMIT}
 */
record TransactionFilters(String state, String protocol, String participant, Long minAgeSeconds, String q, int limit) {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String IN_DOUBT = "IN_DOUBT";
    static final String FINISHED = "FINISHED";
    static final int MAX_LIMIT = 1000;
    private static final int MAX_ID = 128;

    /**
     * In flight the oldest come first (the stuck ones on top), finished the newest first.
     *
     * @param participants the participants this coordinator knows
     * @throws InvalidFilter naming the first parameter whose value is wrong
     */
    TransactionSearch search(Set<String> participants, Duration inDoubtGrace) {
        var states = states();
        return new TransactionSearch(
                states,
                IN_DOUBT.equalsIgnoreCase(state) ? inDoubtGrace : null,
                checkedProtocol(),
                participant(participants),
                minAge(),
                checkedQ(),
                TransactionState.UNFINISHED.containsAll(states),
                checkedLimit());
    }

    private Set<TransactionState> states() {
        if (IN_FLIGHT.equalsIgnoreCase(state) || IN_DOUBT.equalsIgnoreCase(state)) {
            return TransactionState.UNFINISHED;
        }
        if (FINISHED.equalsIgnoreCase(state)) {
            return EnumSet.of(TransactionState.COMMITTED, TransactionState.ABORTED);
        }
        return Arrays.stream(TransactionState.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(state))
                .findFirst()
                .map(EnumSet::of)
                .orElseThrow(() -> new InvalidFilter(
                        "state",
                        "invalid-state",
                        "unknown state '" + state + "'; use " + IN_FLIGHT + ", " + IN_DOUBT + ", " + FINISHED
                                + " or one of " + Arrays.toString(TransactionState.values())));
    }

    private Protocol checkedProtocol() {
        if (protocol == null) {
            return null;
        }
        try {
            return Protocol.fromLabel(protocol);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilter("protocol", e.getMessage());
        }
    }

    private String participant(Set<String> participants) {
        if (participant == null) {
            return null;
        }
        if (!participants.contains(participant)) {
            throw new InvalidFilter(
                    "participant",
                    "unknown participant '" + participant + "'; known participants: "
                            + participants.stream().sorted().toList());
        }
        return participant;
    }

    private Duration minAge() {
        if (minAgeSeconds == null) {
            return null;
        }
        if (minAgeSeconds < 0) {
            throw new InvalidFilter("minAgeSeconds", "must be 0 or more, not " + minAgeSeconds);
        }
        return Duration.ofSeconds(minAgeSeconds);
    }

    private String checkedQ() {
        if (q == null || q.isBlank()) {
            return null;
        }
        var text = q.strip();
        if (text.length() > MAX_ID) {
            throw new InvalidFilter("q", "at most " + MAX_ID + " characters: an id is no longer");
        }
        return text;
    }

    private int checkedLimit() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFilter("limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }
}
