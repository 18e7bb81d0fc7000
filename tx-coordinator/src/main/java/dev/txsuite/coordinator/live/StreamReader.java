package dev.txsuite.coordinator.live;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One reader of {@code GET /api/transactions/stream}. Its events are written in order by a virtual thread of its
 * own, so a slow reader never holds up {@code tx.events} or the other readers; one that falls {@link #BACKLOG}
 * events behind is dropped, and its EventSource reconnects and fetches afresh.
 */
final class StreamReader {

    private static final int BACKLOG = 1000;

    /** No timeout: the stream lasts until the reader goes or a write fails. */
    private final SseEmitter emitter = new SseEmitter(0L);

    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG),
            Thread.ofVirtual().name("transaction-stream-", 0).factory());
    private final Consumer<StreamReader> onGone;

    /** @param onGone called once the reader went, or was dropped */
    StreamReader(Consumer<StreamReader> onGone) {
        this.onGone = onGone;
        emitter.onCompletion(this::gone);
        emitter.onTimeout(this::gone);
        emitter.onError(error -> gone());
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Queues an event built once for every reader. */
    void send(Set<DataWithMediaType> event) {
        try {
            writer.execute(() -> write(event));
        } catch (RejectedExecutionException e) {
            if (!writer.isShutdown()) {
                emitter.complete();
            }
            gone();
        }
    }

    /** Ends the stream (the application stops): the reader's EventSource reconnects. */
    void end() {
        emitter.complete();
        gone();
    }

    private void write(Set<DataWithMediaType> event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // the reader went away: the container reports the error to the emitter as well
            gone();
        }
    }

    private void gone() {
        writer.shutdownNow();
        onGone.accept(this);
    }
}
