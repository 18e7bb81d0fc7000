package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTests {

    @Test
    void shouldCountTheCpuAProcessUsedBetweenTwoReadingsPerOrder() {
        var meter = new CpuMeter(() -> Map.of("this-jvm", ProcessHandle.current()));
        var before = meter.read();
        var spent = busyFor(Duration.ofMillis(300));
        var used = CpuMeter.between(before, meter.read(), 10);

        assertThat(spent).isPositive();
        assertThat(used.byProcess()).containsKeys("this-jvm", CpuMeter.POSTGRES);
        // 300 ms of work in this thread at least, over 10 orders
        assertThat(used.millisPerOrder("this-jvm")).isGreaterThanOrEqualTo(25);
        assertThat(used.totalMillisPerOrder()).isGreaterThanOrEqualTo(used.millisPerOrder("this-jvm"));
    }

    @Test
    void shouldLeaveOutAProcessMissingFromEitherReading() {
        var used = CpuMeter.between(
                Map.of("gone", Duration.ofSeconds(3), "kept", Duration.ofSeconds(1)),
                Map.of("kept", Duration.ofSeconds(2), "new", Duration.ofSeconds(5)),
                4);

        assertThat(used.byProcess()).containsOnlyKeys("kept");
        assertThat(used.millisPerOrder("kept")).isEqualTo(250);
        assertThat(used.millisPerOrder("gone")).isZero();
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
