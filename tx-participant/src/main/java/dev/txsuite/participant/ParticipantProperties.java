package dev.txsuite.participant;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service takes part in transactions.
 *
 * @param name the participant name the coordinator knows this service by ("order", "inventory", "payment"); it
 *     is echoed in every answer so that a misrouted message is visible
 * @param coordinatorUrl where an in-doubt branch asks for the outcome ({@code GET /tx/transactions/{txId}})
 * @param readyTimeout how long a branch waits in PREPARED (3PC: READY) before its timer asks for the outcome
 * @param preCommitTimeout how long a 3PC branch waits in PRE_COMMITTED before its timer asks for the outcome
 * @param timerInterval how often expired timers are looked for
 * @param connectTimeout connecting to the coordinator or another participant from a timer
 * @param readTimeout waiting for their answer; short, because an unanswered call counts as a crashed peer
 */
@ConfigurationProperties("txsuite.participant")
public record ParticipantProperties(
        String name,
        @DefaultValue("http://localhost:8084") URI coordinatorUrl,
        @DefaultValue("5s") Duration readyTimeout,
        @DefaultValue("5s") Duration preCommitTimeout,
        @DefaultValue("500ms") Duration timerInterval,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {

    public ParticipantProperties {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                    "txsuite.participant.name must be set to this service's participant name (e.g. \"inventory\"),"
                            + " lower case; was " + (name == null ? "not set" : "'" + name + "'"));
        }
        requirePositive("ready-timeout", readyTimeout);
        requirePositive("pre-commit-timeout", preCommitTimeout);
        requirePositive("timer-interval", timerInterval);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("txsuite.participant." + property + " must be positive, was " + value);
        }
    }
}
