package dev.txsuite.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The machine the figures were measured on, recorded with them: the cores and memory the JVM sees, the processor,
 * the JDK and the OS, when, and how busy the machine already was (on a shared machine that matters as much as the
 * rest). Linux's {@code /proc} gives what Java does not; elsewhere those fields stay empty.
 *
 * @param loadAverageAtStart the one-minute load average when the bench began
 */
public record MachineRecord(
        int cores,
        OptionalLong memoryBytes,
        Optional<String> processor,
        String jdk,
        String os,
        ZonedDateTime startedAt,
        OptionalDouble loadAverageAtStart) {

    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    public static MachineRecord ofThisMachine() {
        return new MachineRecord(
                Runtime.getRuntime().availableProcessors(),
                lines(MEMINFO).map(MachineRecord::totalMemory).orElse(OptionalLong.empty()),
                lines(CPUINFO).flatMap(MachineRecord::processorModel),
                System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS),
                loadAverageNow());
    }

    /** The one-minute load average right now. */
    public static OptionalDouble loadAverageNow() {
        return lines(LOADAVG).map(MachineRecord::loadAverage).orElse(OptionalDouble.empty());
    }

    /** {@code MemTotal:  24568508 kB} of {@code /proc/meminfo}, in bytes. */
    static OptionalLong totalMemory(List<String> meminfo) {
        return meminfo.stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.replaceAll("\\D+", ""))
                .filter(kilobytes -> !kilobytes.isEmpty())
                .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                .findFirst();
    }

    /** The first {@code model name : ...} of {@code /proc/cpuinfo}. */
    static Optional<String> processorModel(List<String> cpuinfo) {
        return cpuinfo.stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst();
    }

    /** The first of the three numbers of {@code /proc/loadavg}: {@code 6.47 6.43 8.38 10/499 17670}. */
    static OptionalDouble loadAverage(List<String> loadavg) {
        return loadavg.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .mapToDouble(line -> Double.parseDouble(line.split("\\s+")[0]))
                .findFirst();
    }

    /** Cores, memory, JDK, OS and load average, for the console. */
    public String oneLine() {
        return cores + " cores, " + Figures.memory(memoryBytes) + " memory, " + jdk + ", " + os + "; load average "
                + Figures.load(loadAverageAtStart) + " at the start";
    }

    /** Whether other work was already keeping the cores busy: a load average above half of them. */
    public boolean wasBusyAtStart() {
        return loadAverageAtStart.isPresent() && loadAverageAtStart.getAsDouble() > cores / 2.0;
    }

    private static Optional<List<String>> lines(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readAllLines(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
