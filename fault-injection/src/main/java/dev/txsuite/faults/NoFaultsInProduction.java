package dev.txsuite.faults;

import org.springframework.core.env.Environment;

/**
 * Fault injection lets anyone who reaches a service halt it or lose its protocol messages: a service whose
 * production profile is active refuses to start with it enabled, rather than quietly running without it.
 */
final class NoFaultsInProduction {

    static final String PRODUCTION_PROFILE = "prod";

    private NoFaultsInProduction() {}

    static void check(Environment environment) {
        if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
            throw new IllegalStateException("Fault injection is enabled (txsuite.faults.enabled=true, environment"
                    + " variable TXSUITE_FAULTS_ENABLED) under the '" + PRODUCTION_PROFILE + "' profile, which"
                    + " refuses it: it would let anyone who reaches the service halt it. Turn it off, or run"
                    + " without the " + PRODUCTION_PROFILE + " profile.");
        }
    }
}
