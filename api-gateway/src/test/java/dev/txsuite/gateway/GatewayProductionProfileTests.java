package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway under the prod profile (SPRING_PROFILES_ACTIVE=prod): never with the local admin password. */
class GatewayProductionProfileTests {

    @Test
    void shouldRefuseToStartWithTheDefaultAdminPassword() {
        assertThatThrownBy(() -> startInProduction("ADMIN_USERNAME=ops").close())
                .rootCause()
                .hasMessageContaining("prod profile refuses the default admin password")
                .hasMessageContaining("ADMIN_PASSWORD");
    }

    @Test
    void shouldRefuseToStartWithABlankAdminPassword() {
        assertThatThrownBy(() -> startInProduction("ADMIN_PASSWORD=").close())
                .rootCause()
                .hasMessageContaining("ADMIN_PASSWORD");
    }

    @Test
    void shouldStartWithAPasswordOfItsOwnAndKeepTheSessionCookieToHttps() {
        try (var gateway = startInProduction("ADMIN_PASSWORD=correct-horse-battery-staple")) {
            var environment = gateway.getEnvironment();
            assertThat(environment.getProperty("server.reactive.session.cookie.secure"))
                    .isEqualTo("true");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                    .isEqualTo("health");
        }
    }

    private static ConfigurableApplicationContext startInProduction(String property) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("prod")
                .properties("server.port=0", property)
                .run();
    }
}
