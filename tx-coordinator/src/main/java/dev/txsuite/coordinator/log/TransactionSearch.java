package dev.txsuite.coordinator.log;

import dev.txsuite.protocol.Protocol;
import java.time.Duration;
import java.util.Set;

/**
 * Which transactions an operator lists. Every criterion narrows the list; a null one does not.
 *
 * @param states the states to list; never empty
 * @param inDoubtGrace when given, only the transactions in doubt: unfinished and older than their vote timeout
 *     plus this grace, or whose owner's lease expired
 * @param participant only the transactions with a branch of this participant
 * @param minAge only the transactions at least this old
 * @param idOrOrderId only the transaction with this id or order id, or, from {@link #MIN_PREFIX} characters on,
 *     those whose id or order id starts with it
 * @param oldestFirst the oldest first (in flight: the stuck ones on top), else the newest first
 * @param limit at most this many
 */
public record TransactionSearch(
        Set<TransactionState> states,
        Duration inDoubtGrace,
        Protocol protocol,
        String participant,
        Duration minAge,
        String idOrOrderId,
        boolean oldestFirst,
        int limit) {

    /** A shorter text matches too many ids to be a search: it must match a whole id. */
    public static final int MIN_PREFIX = 8;

    public TransactionSearch {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a search lists at least one state");
        }
        states = Set.copyOf(states);
    }
}
