package dev.txsuite.coordinator.live;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The in-flight transactions and the last finished ones, built in memory from {@code tx.events}. Every
 * coordinator instance reads every event, so each one shows the transactions of all of them.
 *
 * <p>Memory only, so the seen-set is in memory too: a database table of processed ids would outlive the view
 * and make the replay after a restart skip the events the empty view needs. Each transaction remembers the
 * ids of the events applied to it; once it has dropped off the recent list, its id is remembered a while
 * longer, so a late or redelivered event cannot bring it back as a phantom in flight.
 */
@Component
public class TransactionsLiveView {

    private static final int FORGOTTEN_PER_RECENT = 50;

    private final Map<String, TrackedTransaction> inFlight = new HashMap<>();
    private final LinkedHashMap<String, TrackedTransaction> recent = new LinkedHashMap<>();
    private final Set<String> forgotten;
    private final int recentLimit;

    TransactionsLiveView(LiveViewProperties properties) {
        this.recentLimit = properties.recent();
        var forgottenLimit = Math.max(1, recentLimit) * FORGOTTEN_PER_RECENT;
        this.forgotten = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > forgottenLimit;
            }
        });
    }

    /**
     * Applies the event unless it was applied before or is of a type the view does not know; true if it changed
     * the view.
     *
     * @throws IllegalArgumentException for an event the view cannot read
     */
    synchronized boolean apply(ReceivedEvent event) {
        if (!TrackedTransaction.applicable(event) || forgotten.contains(event.txId())) {
            return false;
        }
        var finished = recent.get(event.txId());
        var tx = finished != null ? finished : inFlight.computeIfAbsent(event.txId(), TrackedTransaction::new);
        if (!tx.apply(event)) {
            return false;
        }
        if (finished == null && tx.ended()) {
            inFlight.remove(event.txId());
            remember(event.txId(), tx);
        }
        return true;
    }

    public synchronized LiveTransactions snapshot(Instant now) {
        var flying = inFlight.values().stream()
                .sorted(Comparator.comparing(TrackedTransaction::startedAt))
                .map(tx -> tx.view(now))
                .toList();
        var finished = recent.sequencedValues().reversed().stream()
                .map(tx -> tx.view(now))
                .toList();
        return new LiveTransactions(flying, finished);
    }

    private void remember(String txId, TrackedTransaction tx) {
        recent.put(txId, tx);
        if (recent.size() > recentLimit) {
            var eldest = recent.pollFirstEntry();
            forgotten.add(eldest.getKey());
        }
    }
}
