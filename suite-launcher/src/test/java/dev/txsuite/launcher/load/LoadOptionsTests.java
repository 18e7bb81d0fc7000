package dev.txsuite.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txsuite.launcher.SuiteFailure;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTests {

    @Test
    void shouldRunAgainstTheLocalSuiteWithTheSimulationsDefaultsWhenNothingIsSaid() {
        var options = LoadOptions.parse(List.of("steady"));

        assertThat(options.simulation()).isEqualTo(LoadSimulation.STEADY);
        assertThat(options.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.settings()).containsOnlyKeys("load.baseUrl");
        assertThat(options.verify()).isTrue();
    }

    @Test
    void shouldPassWhatWasGivenToTheSimulationAsSystemProperties() {
        var options = LoadOptions.parse(List.of(
                "--rate",
                "12.5",
                "saturation",
                "--duration=2m",
                "--base-url",
                "http://127.0.0.1:8280/",
                "--protocol-mix",
                "2pc=30, 3pc=70",
                "--no-verify"));

        assertThat(options.simulation()).isEqualTo(LoadSimulation.SATURATION);
        assertThat(options.settings())
                .containsEntry("load.rate", "12.5")
                .containsEntry("load.duration", "120s")
                .containsEntry("load.baseUrl", "http://127.0.0.1:8280")
                .containsEntry("load.protocolMix", "2PC=30,3PC=70");
        assertThat(options.verify()).isFalse();
        assertThat(options.description()).startsWith("saturation ").contains("load.rate=12.5");
    }

    @Test
    void shouldRefuseWhatItDoesNotUnderstandWithAMessage() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of()))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("steady, hot-sku, rejections, saturation");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("soak")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("unknown simulation 'soak'");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--rate", "0")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--rate takes a number above 0");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--duration", "forever")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--duration takes a time");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--protocol-mix", "XA=100")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--protocol-mix takes weights");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--protocol-mix", "2PC=0,3PC=0")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("one above 0");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--base-url", "localhost:8080")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--base-url takes the gateway's URL");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--users", "3")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("unknown option --users");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("steady", "--rate")))
                .isInstanceOf(SuiteFailure.class)
                .hasMessageContaining("--rate needs a value");
    }
}
