package dev.txsuite.coordinator.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code txsuite.coordinator.admin.*}: the operators' view.
 *
 * @param inDoubtGrace an unfinished transaction is shown in doubt (blocked) this long after its vote deadline, or
 *     as soon as its owner's lease expired
 * @param gaugesCachedFor how long the in-flight and in-doubt gauges reuse their last count of the log
 */
@ConfigurationProperties("txsuite.coordinator.admin")
public record AdminProperties(
        @DefaultValue("2s") Duration inDoubtGrace,
        @DefaultValue("5s") Duration gaugesCachedFor) {}
