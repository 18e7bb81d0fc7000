package dev.txsuite.faults;

import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Fault injection for tests and the chaos run: a {@link Faults} bean in every service that asks it, armed only
 * through {@code /tx/faults}, which exists only when {@code txsuite.faults.enabled} is true (off by default), and
 * never under the production profile.
 */
@AutoConfiguration
public class FaultInjectionAutoConfiguration {

    @Bean
    Faults faults(ObjectProvider<HaltPoints> haltPoints) {
        // a service may have points of its own besides those of the libraries it uses (tx-participant's)
        var points = haltPoints
                .orderedStream()
                .flatMap(declared -> declared.names().stream())
                .collect(Collectors.toSet());
        return new Faults(points, () -> Runtime.getRuntime().halt(Faults.HALT_STATUS));
    }

    @Bean
    @ConditionalOnBooleanProperty("txsuite.faults.enabled")
    FaultsController faultsController(Faults faults, Environment environment) {
        NoFaultsInProduction.check(environment);
        return new FaultsController(faults);
    }
}
