package dev.txsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSettingsTests {

    @Test
    void shouldReadWhatTheLauncherPasses() {
        assertThat(LoadSettings.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadSettings.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadSettings.protocolMix("2PC=30,3PC=70")).isEqualTo(Map.of("2PC", 30, "3PC", 70));
        assertThat(LoadSettings.protocolMix("3PC=100")).isEqualTo(Map.of("3PC", 100));
    }

    @Test
    void shouldCountTheOrdersOfAConstantRate() {
        var settings = new LoadSettings("http://localhost:8080", 2.5, Duration.ofSeconds(60), Map.of("2PC", 1));

        assertThat(settings.ordersAtConstantRate()).isEqualTo(150);
    }

    @Test
    void shouldRefuseSettingsThatWouldMakeNoSense() {
        assertThatThrownBy(() -> LoadSettings.protocolMix("XA=100")).hasMessageContaining("load.protocolMix");
        assertThatThrownBy(() -> LoadSettings.protocolMix("2PC=0,3PC=0")).hasMessageContaining("positive weight");
        assertThatThrownBy(() -> LoadSettings.duration("soon")).hasMessageContaining("load.duration");
        assertThatThrownBy(() -> new LoadSettings("http://localhost:8080", 0, Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("load.rate");
    }
}
