package dev.txsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void shouldRunASuiteOfItsOwnBesideTheOthersWhenNothingIsSaid() {
        var options = BenchOptions.parse(List.of(), Map.of());

        assertThat(options.rates()).containsExactly(10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 640.0);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.overloadStep()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.suite().jvm().services()).containsExactly("-Xmx256m", "-Xshare:auto");
        assertThat(options.suite().jvm().kafka()).contains("-Xmx384m").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(options.publish()).isFalse();
        assertThat(options.gatewayPort()).isEqualTo(8280);
        assertThat(options.suite().ports()).containsEntry(SuiteService.COORDINATOR, 8284);
        assertThat(options.suite().kafkaPort()).isEqualTo(9292);
        assertThat(options.suite().kafkaControllerPort()).isEqualTo(9293);
        assertThat(options.suite().databaseOf(SuiteService.ORDER)).isEqualTo("bench_orders");
        assertThat(options.baselinePort()).isEqualTo(8290);
        assertThat(options.baselineDatabase()).isEqualTo("bench_baseline");
        assertThat(options.command()).isEqualTo("./suite bench");
    }

    @Test
    void shouldTakeItsOwnOptionsAndPassTheRestToTheSuite() {
        var arguments = List.of(
                "--rates",
                "40, 2,4,4",
                "--step=10s",
                "--warmup",
                "5s",
                "--overload-step",
                "20s",
                "--publish",
                "--ports",
                "9380",
                "--database-prefix=try_",
                "--baseline-port",
                "9390");

        var options = BenchOptions.parse(
                arguments,
                Map.of("SUITE_JVM_OPTIONS", " -Xmx512m  -XX:+UseSerialGC ", "SUITE_KAFKA_JVM_OPTIONS", "-Xmx1g"));

        assertThat(options.rates()).containsExactly(2.0, 4.0, 40.0);
        assertThat(options.suite().jvm().services()).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
        assertThat(options.suite().jvm().kafka()).containsExactly("-Xmx1g");
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.overloadStep()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.publish()).isTrue();
        assertThat(options.gatewayPort()).isEqualTo(9380);
        assertThat(options.suite().kafkaPort()).isEqualTo(9292);
        assertThat(options.baselineDatabase()).isEqualTo("try_baseline");
        assertThat(options.baselinePort()).isEqualTo(9390);
        assertThat(options.command())
                .isEqualTo("./suite bench --rates 40, 2,4,4 --step=10s --warmup 5s --overload-step 20s --publish"
                        + " --ports 9380"
                        + " --database-prefix=try_ --baseline-port 9390");
    }

    @Test
    void shouldRefuseRatesThatAreNotPositiveNumbers() {
        for (var rates : List.of("10,0", "ten", "10,,20", "-5", "")) {
            assertThatThrownBy(() -> BenchOptions.parse(List.of("--rates", rates), Map.of()))
                    .isInstanceOf(SuiteFailure.class)
                    .hasMessageContaining("--rates takes orders a second above 0");
        }
    }

    @Test
    void shouldRefuseStepsTooShortToMeasureOrNotInWholeSeconds() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--step", "4s"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessage("--step takes whole seconds, at least 5s, not 4s");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--step", "7.5s"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--step takes whole seconds");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--overload-step", "3s"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessage("--overload-step takes whole seconds, at least 5s, not 3s");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warmup", "0s"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--warmup must be longer than 0");
    }

    @Test
    void shouldRefuseWhatWouldLeaveTheBenchWithoutAWholeSuiteOrAPortOfItsOwn() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", "order"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--only does not apply");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--baseline-port", "8281"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("would both listen on port 8281");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--baseline-port", "http"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--baseline-port must be a port number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--clients", "4"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("unknown option --clients");
    }
}
