package dev.txsuite.coordinator.live;

import dev.txsuite.coordinator.inspect.TransactionStatistics;
import dev.txsuite.coordinator.live.TransactionsLiveView.AppliedEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/transactions/stream}: server-sent events for dashboards. It opens with {@code retry: 2000}; then
 * a {@code tx} event ({@code {"txId","type","time"}}) for every event the {@link TransactionsLiveView} applies from
 * {@code tx.events}, so the transactions of every coordinator instance show; a {@code stats} event with the figures
 * of the last minute every 2 s; and a comment every 15 s, so that proxies keep an idle stream open. A page that is
 * told a transaction changed fetches it again.
 *
 * <p>Streams never end on their own, so they are ended first when the application stops: the web server's
 * graceful shutdown, which comes after, would otherwise wait for them until its timeout.
 */
@Component
public class TransactionStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransactionStream.class);

    private static final long RECONNECT_MILLIS = 2000;

    private final Set<StreamReader> readers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final TransactionStatistics statistics;
    private final JsonMapper json;

    TransactionStream(TransactionsLiveView view, TransactionStatistics statistics, JsonMapper json) {
        this.statistics = statistics;
        this.json = json;
        view.onApplied(this::changed);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream; their readers reconnect to another instance, or to this one once it is back. */
    @Override
    public void stop() {
        running = false;
        readers.forEach(StreamReader::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    SseEmitter open() {
        var reader = new StreamReader(readers::remove);
        readers.add(reader);
        reader.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).build());
        return reader.emitter();
    }

    @Scheduled(fixedRate = 2000, initialDelay = 2000)
    void stats() {
        if (readers.isEmpty()) {
            return;
        }
        try {
            broadcast(SseEmitter.event().name("stats").data(json.writeValueAsString(statistics.lastMinute())));
        } catch (DataAccessException e) {
            log.warn(
                    "no stats for the transaction stream this time: {}",
                    e.getMostSpecificCause().toString());
        }
    }

    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    void heartbeat() {
        if (!readers.isEmpty()) {
            broadcast(SseEmitter.event().comment("heartbeat"));
        }
    }

    private void changed(AppliedEvent change) {
        if (!readers.isEmpty()) {
            broadcast(SseEmitter.event().name("tx").data(json.writeValueAsString(change)));
        }
    }

    /** Builds the event once (a builder cannot be built twice) and queues it for every reader. */
    private void broadcast(SseEventBuilder event) {
        var built = event.build();
        readers.forEach(reader -> reader.send(built));
    }
}
