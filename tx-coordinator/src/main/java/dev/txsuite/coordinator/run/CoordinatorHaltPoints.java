package dev.txsuite.coordinator.run;

import dev.txsuite.faults.HaltPoints;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where fault injection can halt the coordinator ({@code PUT /tx/faults {"haltAt":[...]}}), to show what each
 * protocol does when its coordinator is lost at the worst moment.
 */
@Configuration(proxyBeanMethods = false)
class CoordinatorHaltPoints {

    /** Every vote was YES, nothing logged yet: before PRE-COMMIT (3PC) or the COMMIT decision (2PC). */
    static final String VOTES_COLLECTED = "votes-collected";

    /** 3PC: PRE-COMMIT done (acknowledged, or given up on), before the COMMIT decision is logged. */
    static final String PRE_COMMIT_DONE = "pre-commit-done";

    @Bean
    HaltPoints haltPoints() {
        return new HaltPoints(Set.of(VOTES_COLLECTED, PRE_COMMIT_DONE));
    }
}
