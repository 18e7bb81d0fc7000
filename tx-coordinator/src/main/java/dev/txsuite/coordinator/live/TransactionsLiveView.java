package dev.txsuite.coordinator.live;

import dev.txsuite.coordinator.log.TimelineEntry;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(TransactionsLiveView.class);

    private static final int FORGOTTEN_PER_RECENT = 50;

    private final Map<String, TrackedTransaction> inFlight = new HashMap<>();
    private final LinkedHashMap<String, TrackedTransaction> recent = new LinkedHashMap<>();
    private final Set<String> forgotten;
    private final int recentLimit;
    private final List<Consumer<AppliedEvent>> listeners = new CopyOnWriteArrayList<>();

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
    boolean apply(ReceivedEvent event) {
        var applied = applyToView(event);
        if (applied) {
            var change = new AppliedEvent(event.txId(), TimelineEntry.shortType(event.type()), event.time());
            for (var listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    // a listener's failure must not stop the view, nor the events after this one
                    log.warn("a listener of the live view failed on {}: {}", change, e.toString());
                }
            }
        }
        return applied;
    }

    /**
     * Calls the listener, on the thread that reads {@code tx.events}, with every event the view applies from now
     * on: it must not block.
     */
    public void onApplied(Consumer<AppliedEvent> listener) {
        listeners.add(listener);
    }

    /** An event the view applied: its transaction, short type ({@code decided}) and time. */
    public record AppliedEvent(String txId, String type, Instant time) {}

    private synchronized boolean applyToView(ReceivedEvent event) {
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
