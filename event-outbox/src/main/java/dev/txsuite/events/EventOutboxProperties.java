package dev.txsuite.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics the topics created at start-up when missing
 * @param partitions the partitions of a topic created here
 * @param replicas the replication factor of a topic created here (1 for a single broker)
 * @param relayBatch the most events the relay reads, sends and deletes at once: all it holds in memory
 * @param relayInterval how often the relay looks at the table when no commit woke it (events of another instance of
 *     the service, or left by a crash)
 * @param relayBackoff the longest the relay waits before it tries again while Kafka or the database fails
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch before it gives up and tries again
 */
@ConfigurationProperties("txsuite.events")
public record EventOutboxProperties(
        @DefaultValue({Topics.TX_EVENTS, Topics.ORDER_EVENTS, Topics.INVENTORY_EVENTS, Topics.PAYMENT_EVENTS})
        List<String> topics,

        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("500") int relayBatch,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("10s") Duration relayBackoff,
        @DefaultValue("5s") Duration sendTimeout) {

    public EventOutboxProperties {
        if (relayBatch < 1) {
            throw new IllegalArgumentException("txsuite.events.relay-batch must be 1 or more, not " + relayBatch);
        }
    }
}
