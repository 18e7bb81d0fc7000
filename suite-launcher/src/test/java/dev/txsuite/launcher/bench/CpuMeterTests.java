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

    private static long busyFor(Duration duration) {
        var end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += Long.numberOfTrailingZeros(System.nanoTime()) + 1;
        }
        return sum;
    }
}
