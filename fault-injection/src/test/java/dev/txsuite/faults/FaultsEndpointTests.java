package dev.txsuite.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class FaultsEndpointTests {

    /** No component scan: the controller must come from the auto-configuration, or not at all. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ServiceWithHaltPoints {

        @Bean
        HaltPoints haltPoints() {
            return new HaltPoints(Set.of("votes-collected"));
        }
    }

    @Nested
    @SpringBootTest(classes = ServiceWithHaltPoints.class, properties = "txsuite.faults.enabled=true")
    @AutoConfigureMockMvc
    class WhenEnabled {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        Faults faults;

        @Test
        void shouldArmShowAndClearAPlan() {
            assertThat(mvc.put()
                            .uri("/tx/faults")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"haltAt":["votes-collected"],"drop":["pre-commit"],"unreachable":["inventory"]}"""))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.haltPoints")
                    .asArray()
                    .containsExactly("votes-collected");
            assertThat(faults.plan())
                    .isEqualTo(new FaultPlan(Set.of("votes-collected"), Set.of("pre-commit"), Set.of("inventory")));

            assertThat(mvc.delete().uri("/tx/faults")).hasStatusOk();
            assertThat(faults.plan()).isEqualTo(FaultPlan.NONE);
        }

        @Test
        void shouldRefuseAnUnknownHaltPointWithAProblemAndArmNothing() {
            assertThat(mvc.put()
                            .uri("/tx/faults")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"haltAt":["after-lunch"]}"""))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://txsuite.dev/problems/invalid-fault-plan");
            assertThat(faults.plan()).isEqualTo(FaultPlan.NONE);
        }

        @Test
        void shouldRefuseAnUnknownMessageKind() {
            assertThat(mvc.put()
                            .uri("/tx/faults")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"drop":["everything"]}"""))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .contains("everything");
        }
    }

    @Nested
    @SpringBootTest(classes = ServiceWithHaltPoints.class)
    @AutoConfigureMockMvc
    class ByDefault {

        @Autowired
        MockMvcTester mvc;

        @Test
        void shouldHaveNoFaultEndpoint() {
            assertThat(mvc.put()
                            .uri("/tx/faults")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"haltAt":["votes-collected"]}"""))
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
    }
}
