package dev.txsuite.launcher.supply;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a long run committing: every few seconds, each product and account that has fallen below half of what it
 * had at the start is brought back to that level through the admin API. Scarce ones stay scarce (the demo's two
 * limited drippers, dave's five dollars), so a run still sees OUT_OF_STOCK and INSUFFICIENT_FUNDS; only what
 * orders used up comes back. A call that fails (the gateway or a service is down) is tried again next round.
 */
public final class KeepSupplied implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(3);
    /** Below half of its level at the start, a product or an account is brought back to it. */
    private static final double REFILL_BELOW = 0.5;

    private final Supplies supplies;
    private final Map<String, Long> unitsAtStart;
    private final Map<String, Long> centsAtStart;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong restocked = new AtomicLong();
    private final AtomicLong deposited = new AtomicLong();
    private final Thread worker;

    private KeepSupplied(Supplies supplies) {
        this.supplies = supplies;
        this.unitsAtStart = supplies.availableUnits();
        this.centsAtStart = supplies.availableCents();
        this.worker = Thread.ofVirtual().name("keep-supplied").start(this::run);
    }

    /** Reads the levels to keep now, then keeps them until closed. */
    public static KeepSupplied start(Supplies supplies) {
        return new KeepSupplied(supplies);
    }

    /** Units added by restocks so far. */
    public long restockedUnits() {
        return restocked.get();
    }

    /** Cents added by deposits so far. */
    public long depositedCents() {
        return deposited.get();
    }

    @Override
    public void close() {
        running.set(false);
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running.get()) {
            try {
                Thread.sleep(EVERY);
                topUp();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the gateway or a service is down (a chaos run kills them): next round
            }
        }
    }

    private void topUp() {
        var added = supplies.refill(
                sku -> unitsAtStart.getOrDefault(sku, 0L),
                customer -> centsAtStart.getOrDefault(customer, 0L),
                REFILL_BELOW);
        restocked.addAndGet(added.units());
        deposited.addAndGet(added.cents());
    }
}
