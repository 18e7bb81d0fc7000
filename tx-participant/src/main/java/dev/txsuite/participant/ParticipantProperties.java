package dev.txsuite.participant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service takes part in transactions.
 *
 * @param name the participant name the coordinator knows this service by ("order", "inventory", "payment"); it
 *     is echoed in every answer so that a misrouted message is visible
 */
@ConfigurationProperties("txsuite.participant")
public record ParticipantProperties(String name) {

    public ParticipantProperties {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "txsuite.participant.name must be set to this service's participant name (e.g. \"inventory\"),"
                            + " lower case; was " + (name == null ? "not set" : "'" + name + "'"));
        }
    }
}
