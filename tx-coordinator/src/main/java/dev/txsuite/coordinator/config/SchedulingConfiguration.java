package dev.txsuite.coordinator.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Vote deadlines and the phase-two retry job run on Spring's task scheduler (virtual threads). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
