package dev.txsuite.launcher.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.SuiteService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpOptionsTests {

    @Test
    void shouldUseTheUsualPortsWhenNothingIsSaid() {
        var options = UpOptions.parse(List.of(), Map.of());

        assertThat(options.ports())
                .containsEntry(SuiteService.GATEWAY, 8080)
                .containsEntry(SuiteService.ORDER, 8081)
                .containsEntry(SuiteService.COORDINATOR, 8084);
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.coordinators()).isEqualTo(1);
        assertThat(options.services()).containsExactlyInAnyOrder(SuiteService.values());
        assertThat(options.databaseOf(SuiteService.PAYMENT)).isEqualTo("payments");
        // C1 only, so that the suite is ready fast
        assertThat(options.jvm().services()).contains("-XX:TieredStopAtLevel=1");
        assertThat(options.jvm().kafka()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void shouldPreferAnOptionToTheBaseAndTheBaseToTheEnvironment() {
        var options = UpOptions.parse(
                List.of("--ports", "9080", "--order-port=7001", "--kafka-port", "19092"),
                Map.of("INVENTORY_PORT", "6002", "GATEWAY_PORT", "6000"));

        assertThat(options.ports())
                .containsEntry(SuiteService.GATEWAY, 9080)
                .containsEntry(SuiteService.ORDER, 7001)
                .containsEntry(SuiteService.INVENTORY, 9082)
                .containsEntry(SuiteService.COORDINATOR, 9084);
        assertThat(options.kafkaPort()).isEqualTo(19092);
    }

    @Test
    void shouldTakePortsFromTheEnvironmentAsTheScriptDid() {
        var options = UpOptions.parse(List.of(), Map.of("PAYMENT_PORT", "7083", "KAFKA_PORT", "7092"));

        assertThat(options.ports()).containsEntry(SuiteService.PAYMENT, 7083);
        assertThat(options.kafkaPort()).isEqualTo(7092);
    }

    @Test
    void shouldStartASubsetAndSeveralCoordinators() {
        var options = UpOptions.parse(List.of("--only", "coordinator,inventory", "--coordinators", "3"), Map.of());

        assertThat(options.services()).containsExactlyInAnyOrder(SuiteService.COORDINATOR, SuiteService.INVENTORY);
        assertThat(options.coordinators()).isEqualTo(3);
    }

    @Test
    void shouldRefuseWhatItDoesNotUnderstandWithAMessage() {
        assertThatThrownBy(() -> UpOptions.parse(List.of("--no-such-thing", "1"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("unknown option --no-such-thing");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--only", "billing"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("unknown service 'billing'");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--gateway-port", "70000"), Map.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--gateway-port must be a port number");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--database-prefix", "x; drop"), Map.of()))
                .isInstanceOf(SuiteFailure.class);
    }
}
