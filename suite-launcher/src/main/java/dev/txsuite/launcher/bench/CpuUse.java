package dev.txsuite.launcher.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time each process of the machine's systems used during one step, and the orders the step sent, so that
 * the cost of one order can be read per process: on one machine shared by everything, the saturation throughput is
 * about the cores over the CPU one order costs.
 *
 * @param byProcess CPU time per process name (a service, {@code kafka}, {@code postgres} for all its processes)
 * @param orders the requests the step sent, answered or not
 */
public record CpuUse(Map<String, Duration> byProcess, long orders) {

    public CpuUse {
        byProcess = new TreeMap<>(byProcess);
    }

    /** Milliseconds of CPU one order cost in that process; 0 when it used none or no order was sent. */
    public double millisPerOrder(String process) {
        var used = byProcess.get(process);
        return used == null || orders == 0 ? 0 : used.toNanos() / 1e6 / orders;
    }

    /** Milliseconds of CPU one order cost in all the processes together. */
    public double totalMillisPerOrder() {
        return byProcess.keySet().stream().mapToDouble(this::millisPerOrder).sum();
    }
}
