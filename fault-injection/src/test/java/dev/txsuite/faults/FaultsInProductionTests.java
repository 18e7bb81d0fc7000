package dev.txsuite.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class FaultsInProductionTests {

    /** No component scan: what happens comes from the auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {}

    @Test
    void shouldRefuseToStartWithFaultInjectionEnabledUnderTheProdProfile() {
        assertThatThrownBy(() -> start("prod", "txsuite.faults.enabled=true").close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TXSUITE_FAULTS_ENABLED")
                .hasMessageContaining("'prod' profile");
    }

    @Test
    void shouldStartUnderTheProdProfileWithFaultInjectionOff() {
        try (var service = start("prod", "txsuite.faults.enabled=false")) {
            assertThat(service.getBeansOfType(FaultsController.class)).isEmpty();
        }
    }

    @Test
    void shouldStartWithFaultInjectionEnabledUnderAnotherProfile() {
        try (var service = start("chaos", "txsuite.faults.enabled=true")) {
            assertThat(service.getBeansOfType(FaultsController.class)).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start(String profile, String property) {
        return new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .profiles(profile)
                .properties(property)
                .run();
    }
}
