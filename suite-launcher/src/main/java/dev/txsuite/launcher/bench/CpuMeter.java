package dev.txsuite.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the CPU time the systems' processes have used so far ({@link ProcessHandle.Info#totalCpuDuration()}), before
 * and after a step. PostgreSQL counts as one process, {@code postgres}: the sum of all its processes, which are the
 * server's own and one per connection the services hold open, and of those that ended since it started (backends,
 * autovacuum workers), which its postmaster reaped: without them the sum would drop whenever a busy one ends. Gatling
 * is not counted: its JVM ends with the step.
 */
final class CpuMeter {

    static final String POSTGRES = "postgres";

    /** The unit of the CPU times in {@code /proc/<pid>/stat}: {@code USER_HZ}, 100 on Linux whatever the kernel's. */
    private static final long TICKS_PER_SECOND = 100;

    private final Supplier<Map<String, ProcessHandle>> processes;

    /** @param processes the processes to read, by name, as they are at the moment of reading */
    CpuMeter(Supplier<Map<String, ProcessHandle>> processes) {
        this.processes = processes;
    }

    /** CPU time used so far, per process name. */
    Map<String, Duration> read() {
        var used = new HashMap<String, Duration>();
        processes.get().forEach((name, process) -> used.put(name, cpuOf(List.of(process))));
        var postgres = ProcessHandle.allProcesses().filter(CpuMeter::isPostgres).toList();
        used.put(
                POSTGRES,
                postgres.stream()
                        .filter(process ->
                                process.parent().filter(CpuMeter::isPostgres).isEmpty())
                        .map(CpuMeter::endedChildrenOf)
                        .reduce(cpuOf(postgres), Duration::plus));
        return used;
    }

    /**
     * The CPU time of the process's children that have ended and been waited for ({@code cutime} and {@code cstime}
     * in {@code /proc/<pid>/stat}); zero where there is no {@code /proc}.
     */
    static Duration endedChildrenOf(ProcessHandle process) {
        try {
            var stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the fields after the command, which is in parentheses and may hold spaces: the state is field 3
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            var ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
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
