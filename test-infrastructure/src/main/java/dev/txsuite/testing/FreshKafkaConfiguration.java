package dev.txsuite.testing;

import java.util.List;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Import into a {@code @SpringBootTest} beside {@link FreshDatabaseConfiguration} to connect the application to
 * the test JVM's Kafka broker ({@link TestKafka}), started on first use.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshKafkaConfiguration {

    @Bean
    KafkaConnectionDetails testKafka() {
        var servers = List.of(TestKafka.bootstrapServers().split(","));
        return () -> servers;
    }
}
