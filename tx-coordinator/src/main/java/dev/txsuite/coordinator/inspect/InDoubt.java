package dev.txsuite.coordinator.inspect;

import dev.txsuite.coordinator.log.LoggedTransaction;
import dev.txsuite.coordinator.log.TransactionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a transaction became blocked: unfinished, and past its vote deadline plus a grace (a participant or the
 * coordinator is not answering: 2PC's blocking, or a phase two that does not finish), or its owner stopped renewing
 * its lease (no instance runs it until another takes it over). The same rule as the log's in-doubt search.
 */
final class InDoubt {

    private InDoubt() {}

    /** The earlier of the two moments that have passed; empty while neither has, and once the transaction ended. */
    static Optional<Instant> since(LoggedTransaction tx, Instant now, Duration grace) {
        if (!TransactionState.UNFINISHED.contains(tx.state())) {
            return Optional.empty();
        }
        var pastDeadline = tx.createdAt().plusMillis(tx.timeoutMillis()).plus(grace);
        return Stream.of(pastDeadline, tx.leaseExpiresAt())
                .filter(moment -> !moment.isAfter(now))
                .min(Instant::compareTo);
    }

    static boolean leaseExpired(LoggedTransaction tx, Instant now) {
        return !tx.leaseExpiresAt().isAfter(now);
    }
}
