package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MachineRecordTests {

    @Test
    void shouldReadTheMemoryTheProcessorAndTheLoadAsLinuxWritesThem() {
        assertThat(MachineRecord.totalMemory(List.of("MemTotal:       24568508 kB", "MemFree:        18000000 kB")))
                .isEqualTo(OptionalLong.of(24568508L * 1024));
        assertThat(MachineRecord.processorModel(List.of(
                        "processor\t: 0", "vendor_id\t: GenuineIntel", "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz")))
                .contains("Intel(R) Xeon(R) CPU @ 2.20GHz");
        assertThat(MachineRecord.loadAverage(List.of("6.47 6.43 8.38 10/499 17670")))
                .isEqualTo(OptionalDouble.of(6.47));
    }

    @Test
    void shouldLeaveOutWhatTheFilesDoNotSay() {
        assertThat(MachineRecord.totalMemory(List.of("MemFree: 1 kB"))).isEmpty();
        assertThat(MachineRecord.processorModel(List.of("processor\t: 0"))).isEmpty();
        assertThat(MachineRecord.loadAverage(List.of())).isEmpty();
    }

    @Test
    void shouldCallTheMachineBusyWhenTheLoadWasAboveHalfItsCores() {
        assertThat(machine(2, 1.0).wasBusyAtStart()).isFalse();
        assertThat(machine(2, 1.01).wasBusyAtStart()).isTrue();
        assertThat(machine(8, OptionalDouble.empty()).wasBusyAtStart()).isFalse();
    }

    @Test
    void shouldRecordThisMachineFromWhatTheJvmAndProcSay() {
        var machine = MachineRecord.ofThisMachine();

        assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.jdk()).contains(System.getProperty("java.runtime.version"));
        assertThat(machine.oneLine()).startsWith(machine.cores() + " cores, ").contains(" at the start");
    }

    private static MachineRecord machine(int cores, double load) {
        return machine(cores, OptionalDouble.of(load));
    }

    private static MachineRecord machine(int cores, OptionalDouble load) {
        return new MachineRecord(
                cores, OptionalLong.empty(), Optional.empty(), "jdk", "os", Reports.QUIET_MACHINE.startedAt(), load);
    }
}
