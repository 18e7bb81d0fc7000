package dev.txsuite.faults;

import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * Fault injection for tests and the chaos run: a {@link Faults} bean in every service that asks it, armed only
 * through {@code /tx/faults}, which exists only when {@code txsuite.faults.enabled} is true (off by default).
 */
@AutoConfiguration
public class FaultInjectionAutoConfiguration {

    @Bean
    Faults faults(ObjectProvider<HaltPoints> haltPoints) {
        var points = haltPoints.getIfAvailable(() -> new HaltPoints(Set.of()));
        return new Faults(points.names(), () -> Runtime.getRuntime().halt(Faults.HALT_STATUS));
    }

    @Bean
    @ConditionalOnBooleanProperty("txsuite.faults.enabled")
    FaultsController faultsController(Faults faults) {
        return new FaultsController(faults);
    }
}
