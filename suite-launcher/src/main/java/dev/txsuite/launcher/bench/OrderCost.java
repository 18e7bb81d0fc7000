package dev.txsuite.launcher.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the confirmed orders of one step cost, per order: CPU per process, and the work the budget counts
 * (HTTP exchanges, commits, WAL flushes, SQL statements, Kafka events). On one machine shared by everything the
 * saturation throughput is about the cores over the CPU one order costs.
 *
 * @param cpu CPU time per process name (a service, {@code kafka}, {@code postgres} for all its processes)
 * @param httpRequests requests served per process; the client's requests to the step's entry point included
 * @param commits per database owner
 * @param statements per database owner; empty when they were not counted
 * @param orders the confirmed orders of the step
 */
public record OrderCost(
        Map<String, Duration> cpu,
        Map<String, Long> httpRequests,
        Map<String, Long> commits,
        Optional<Map<String, Long>> statements,
        OptionalLong walFlushes,
        OptionalLong kafkaEvents,
        long orders) {

    public OrderCost {
        cpu = new TreeMap<>(cpu);
        httpRequests = new TreeMap<>(httpRequests);
        commits = new TreeMap<>(commits);
        statements = statements.map(TreeMap::new);
    }

    /** A cost with CPU figures only, for tests and for a step that could read nothing else. */
    public static OrderCost ofCpu(Map<String, Duration> cpu, long orders) {
        return new OrderCost(
                cpu, Map.of(), Map.of(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), orders);
    }

    /**
     * What happened between the readings, over the step's confirmed orders; a process or database missing from
     * either reading is left out.
     *
     * @param entry the process the step sent its requests to (the gateway, or the baseline direct)
     * @param entryRequests those requests, which no metric counts: the gateway's are not exposed on its public port
     */
    static OrderCost between(Activity before, Activity after, String entry, long entryRequests, long confirmed) {
        var http = new HashMap<>(countsBetween(before.httpRequests(), after.httpRequests()));
        http.merge(entry, entryRequests, Long::sum);
        var cpu = new HashMap<String, Duration>();
        after.cpu().forEach((process, total) -> {
            var earlier = before.cpu().get(process);
            if (earlier != null && total.compareTo(earlier) >= 0) {
                cpu.put(process, total.minus(earlier));
            }
        });
        return new OrderCost(
                cpu,
                http,
                countsBetween(before.commits(), after.commits()),
                before.statements().flatMap(earlier -> after.statements().map(later -> countsBetween(earlier, later))),
                countBetween(before.walFlushes(), after.walFlushes()),
                countBetween(before.kafkaEvents(), after.kafkaEvents()),
                confirmed);
    }

    /** Milliseconds of CPU one order cost in that process; 0 when it used none or no order was confirmed. */
    public double millisPerOrder(String process) {
        var used = cpu.get(process);
        return used == null || orders == 0 ? 0 : used.toNanos() / 1e6 / orders;
    }

    /** Milliseconds of CPU one order cost in all the processes together. */
    public double totalMillisPerOrder() {
        return cpu.keySet().stream().mapToDouble(this::millisPerOrder).sum();
    }

    public double httpPerOrder() {
        return perOrder(sum(httpRequests));
    }

    public double commitsPerOrder() {
        return perOrder(sum(commits));
    }

    public Optional<Double> statementsPerOrder() {
        return statements.map(counted -> perOrder(sum(counted)));
    }

    public Optional<Double> walFlushesPerOrder() {
        return walFlushes.isPresent() ? Optional.of(perOrder(walFlushes.getAsLong())) : Optional.empty();
    }

    public Optional<Double> kafkaEventsPerOrder() {
        return kafkaEvents.isPresent() ? Optional.of(perOrder(kafkaEvents.getAsLong())) : Optional.empty();
    }

    /** A count of the step over its confirmed orders; 0 when none was confirmed. */
    public double perOrder(long count) {
        return orders == 0 ? 0 : count / (double) orders;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> countsBetween(Map<String, Long> before, Map<String, Long> after) {
        var counted = new HashMap<String, Long>();
        after.forEach((name, total) -> {
            var earlier = before.get(name);
            if (earlier != null && total >= earlier) {
                counted.put(name, total - earlier);
            }
        });
        return counted;
    }

    private static OptionalLong countBetween(OptionalLong before, OptionalLong after) {
        return before.isPresent() && after.isPresent() && after.getAsLong() >= before.getAsLong()
                ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }
}
