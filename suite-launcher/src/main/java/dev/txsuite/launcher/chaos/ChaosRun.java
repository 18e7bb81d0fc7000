package dev.txsuite.launcher.chaos;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.RunningSuite;
import dev.txsuite.launcher.process.ServiceProcess;
import dev.txsuite.launcher.supply.KeepSupplied;
import dev.txsuite.launcher.supply.Supplies;
import dev.txsuite.launcher.verify.Invariants;
import dev.txsuite.launcher.verify.SettledOrderEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders flow through the gateway while every service is killed in turn, the coordinator at each of its named
 * crash points, and restarted; then, once the system is quiet, every invariant of DESIGN.md section 7 is
 * checked and every answer a client got is held against the order's final state. Stock and money that orders use
 * up are restocked and deposited through the admin API as the run goes ({@link KeepSupplied}), so that a long run
 * keeps committing orders. The suite must run with
 * fault injection enabled ({@code TXSUITE_FAULTS_ENABLED=true}) for the crash points.
 */
public final class ChaosRun {

    /** One kill: the service, and the crash point it halts at, or null to kill it at once ({@code kill -9}). */
    private record Kill(SuiteService service, String haltPoint) {

        String describe() {
            return haltPoint == null ? service.shortName() : service.shortName() + " at " + haltPoint;
        }
    }

    private static final List<Kill> KILLS = List.of(
            new Kill(SuiteService.COORDINATOR, "votes-collected"),
            new Kill(SuiteService.INVENTORY, null),
            new Kill(SuiteService.COORDINATOR, "pre-commit-done"),
            new Kill(SuiteService.PAYMENT, null),
            new Kill(SuiteService.ORDER, null),
            new Kill(SuiteService.COORDINATOR, null),
            new Kill(SuiteService.GATEWAY, null));

    private static final Duration HALT_WITHIN = Duration.ofSeconds(30);
    private static final Duration QUIET_WITHIN = Duration.ofMinutes(2);
    private static final Duration EVENTS_RELAYED_WITHIN = Duration.ofSeconds(60);

    private final RunningSuite suite;
    private final Invariants invariants;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Supplies supplies;

    public ChaosRun(RunningSuite suite, Invariants invariants, Supplies supplies, PrintStream out) {
        this.suite = suite;
        this.invariants = invariants;
        this.supplies = supplies;
        this.out = out;
    }

    /**
     * @param duration how long orders flow; the kills are spread evenly over it (a restart takes what it takes)
     * @param clients how many clients place orders at once
     */
    public ChaosReport run(Duration duration, int clients, long seed) {
        var start = invariants.snapshot();
        var stream =
                new OrderStream(suite.service(SuiteService.GATEWAY.shortName()).baseUri());
        var peakInDoubt = new AtomicInteger();
        var sampling = new AtomicBoolean(true);
        var sampler = Thread.ofVirtual().name("chaos-in-doubt").start(() -> sampleInDoubt(peakInDoubt, sampling));
        out.println("chaos: " + clients + " clients place orders for " + duration.toSeconds() + " s while "
                + KILLS.size() + " services are killed in turn");
        var supplied = KeepSupplied.start(supplies);
        stream.start(clients, seed);
        var kills = new ArrayList<String>();
        var recoveries = 0;
        var interval = duration.dividedBy(KILLS.size() + 1);
        for (var kill : KILLS) {
            pause(interval);
            kills.add(kill(kill));
            out.println("chaos: restarting " + kill.service().shortName());
            suite.restart(kill.service().shortName(), ServiceProcess.READINESS_TIMEOUT);
            recoveries++;
        }
        pause(interval);
        out.println("chaos: stopping the orders, waiting for the system to be quiet");
        stream.stop();
        supplied.close();
        var stopped = System.nanoTime();
        var quiet = awaitQuiet();
        var quietAfter = Duration.ofNanos(System.nanoTime() - stopped);
        sampling.set(false);
        sampler.interrupt();
        var violations = new ArrayList<String>();
        if (!quiet) {
            violations.add("not quiet " + QUIET_WITHIN.toSeconds() + " s after the orders stopped");
        }
        violations.addAll(invariants.violationsSince(start));
        violations.addAll(answersContradictedByTheDatabases(stream));
        violations.addAll(eventsContradictingTheOrders());
        return new ChaosReport(
                stream.answers(),
                kills,
                recoveries,
                peakInDoubt.get(),
                invariants.longestResolution(),
                quietAfter,
                supplied.restockedUnits(),
                supplied.depositedCents(),
                violations);
    }

    /** Kills the service, at its crash point if it has one; the description of what happened. */
    private String kill(Kill kill) {
        var service = suite.service(kill.service().shortName());
        if (kill.haltPoint() != null) {
            arm(service.baseUri(), "{\"haltAt\":[\"" + kill.haltPoint() + "\"]}");
            out.println("chaos: " + service.name() + " will halt at " + kill.haltPoint());
            if (awaitStopped(service, HALT_WITHIN)) {
                return kill.describe();
            }
            out.println(
                    "chaos: no transaction reached " + kill.haltPoint() + "; killing " + service.name() + " at once");
        }
        out.println("chaos: kill -9 " + service.name());
        service.handle().ifPresent(ProcessHandle::destroyForcibly);
        awaitStopped(service, HALT_WITHIN);
        return kill.haltPoint() == null ? kill.describe() : service.name() + " (" + kill.haltPoint() + " not reached)";
    }

    private void arm(URI service, String plan) {
        var request = HttpRequest.newBuilder(service.resolve("/tx/faults"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(plan))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("arming " + plan + " at " + service + " answered "
                        + response.statusCode() + ": " + response.body()
                        + " (is fault injection enabled? TXSUITE_FAULTS_ENABLED=true)");
            }
        } catch (IOException e) {
            // a transaction can reach the halt point before the answer is written: whether the service halted is
            // what the caller waits for next
            out.println("chaos: no answer from " + service + " to arming " + plan + " (" + e.getMessage()
                    + "); it may have halted already");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while arming faults", e);
        }
    }

    private static boolean awaitStopped(ServiceProcess service, Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        while (service.isRunning()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(100));
        }
        return true;
    }

    private boolean awaitQuiet() {
        var deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (invariants.isQuiet()) {
                return true;
            }
            pause(Duration.ofMillis(500));
        }
        return false;
    }

    private void sampleInDoubt(AtomicInteger peak, AtomicBoolean sampling) {
        while (sampling.get()) {
            try {
                peak.accumulateAndGet(invariants.inDoubtTransactions(), Math::max);
            } catch (RuntimeException e) {
                // a sample lost to a database hiccup only makes the peak a lower bound
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** No acknowledged order lost: a 201 must have confirmed the order, a 409 rejected it, a 202 settled it. */
    private List<String> answersContradictedByTheDatabases(OrderStream stream) {
        var contradictions = new ArrayList<String>();
        stream.orders().forEach((orderId, status) -> {
            var state = invariants.orderStatus(orderId).orElse("MISSING");
            var expected = switch (status) {
                case 201 -> "CONFIRMED";
                case 409 -> "REJECTED";
                default -> null;
            };
            if (expected != null && !expected.equals(state)) {
                contradictions.add("order " + orderId + " was answered " + status + " but is " + state);
            } else if (expected == null && ("PENDING".equals(state) || "MISSING".equals(state))) {
                contradictions.add("order " + orderId + " was answered " + status + " and is " + state);
            }
        });
        return contradictions;
    }

    /**
     * Every committed change produced exactly one event, aborted work none: checked on the order, inventory and
     * payment events of every settled order, once the
     * outboxes had time to relay what a killed service left unsent (they resend at start-up and then every 10 s).
     */
    private List<String> eventsContradictingTheOrders() {
        return SettledOrderEvents.contradictionsOnceRelayed(
                suite.broker().bootstrapServers(), invariants.orderStatuses(), EVENTS_RELAYED_WITHIN);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
