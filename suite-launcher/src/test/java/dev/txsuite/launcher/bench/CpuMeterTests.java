package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTests {

    @Test
    void shouldReadTheCpuEachProcessUsedSoFarAndPostgresTogether() {
        var meter = new CpuMeter(() -> Map.of("this-jvm", ProcessHandle.current()));
        var before = meter.read();
        var spent = busyFor(Duration.ofMillis(300));
        var after = meter.read();

        assertThat(spent).isPositive();
        assertThat(after).containsKeys("this-jvm", CpuMeter.POSTGRES);
        // 300 ms of work in this thread at least
        assertThat(after.get("this-jvm").minus(before.get("this-jvm"))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldCountTheCpuOfChildrenThatEnded() throws Exception {
        var before = CpuMeter.endedChildrenOf(ProcessHandle.current());
        var child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done").start();
        assertThat(child.waitFor()).isZero();

        var after = CpuMeter.endedChildrenOf(ProcessHandle.current());

        // a few hundred milliseconds of shell arithmetic, now the child's parent's
        assertThat(after.minus(before)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    private static long busyFor(Duration duration) {
        var end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += Long.numberOfTrailingZeros(System.nanoTime()) + 1;
        }
        return sum;
    }
}
