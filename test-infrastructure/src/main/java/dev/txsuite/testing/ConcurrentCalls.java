package dev.txsuite.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Makes the same call from many threads released at the same instant, to race them against each other. */
public final class ConcurrentCalls {

    private ConcurrentCalls() {}

    /** Runs {@code call} {@code times} times at once, each on a thread of its own; the results in no given order. */
    public static <T> List<T> atOnce(int times, Supplier<T> call) {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(times)) {
            var calls = IntStream.range(0, times)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                awaitQuietly(start);
                                return call.get();
                            },
                            executor))
                    .toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
