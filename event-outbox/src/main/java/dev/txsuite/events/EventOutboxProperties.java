package dev.txsuite.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics the topics created at start-up when missing
 * @param partitions the partitions of a topic created here
 * @param replicas the replication factor of a topic created here (1 for a single broker)
 * @param resubmitInterval how often publications that failed to reach Kafka are sent again
 */
@ConfigurationProperties("txsuite.events")
public record EventOutboxProperties(
        @DefaultValue({Topics.TX_EVENTS, Topics.ORDER_EVENTS, Topics.INVENTORY_EVENTS, Topics.PAYMENT_EVENTS})
        List<String> topics,

        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("10s") Duration resubmitInterval) {}
