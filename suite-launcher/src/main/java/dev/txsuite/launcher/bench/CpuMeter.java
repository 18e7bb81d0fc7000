package dev.txsuite.launcher.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the CPU time the systems' processes have used so far ({@link ProcessHandle.Info#totalCpuDuration()}), before
 * and after a step. PostgreSQL counts as one process, {@code postgres}: the sum of all its processes, which are the
 * server's own and one per connection the services hold open. Gatling is not counted: its JVM ends with the step.
 */
final class CpuMeter {

    static final String POSTGRES = "postgres";

    private final Supplier<Map<String, ProcessHandle>> processes;

    /** @param processes the processes to read, by name, as they are at the moment of reading */
    CpuMeter(Supplier<Map<String, ProcessHandle>> processes) {
        this.processes = processes;
    }

    /** CPU time used so far, per process name. */
    Map<String, Duration> read() {
        var used = new HashMap<String, Duration>();
        processes.get().forEach((name, process) -> used.put(name, cpuOf(List.of(process))));
        used.put(
                POSTGRES,
                cpuOf(ProcessHandle.allProcesses().filter(CpuMeter::isPostgres).toList()));
        return used;
    }

    private static Duration cpuOf(List<ProcessHandle> processes) {
        return processes.stream()
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static boolean isPostgres(ProcessHandle process) {
        var info = process.info();
        // the executable's path needs the same user (or root); the command line, a backend's title, anybody
        return info.command().map(command -> command.endsWith("/postgres")).orElse(false)
                || info.commandLine().map(line -> line.startsWith("postgres")).orElse(false);
    }
}
