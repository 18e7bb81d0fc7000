package dev.txsuite.events;

import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox of a service: every {@link SuiteEvent} published inside a local transaction is written
 * to the table {@code outbox_event} of the service's own database in that transaction ({@link EventOutbox}), and
 * relayed to {@link SuiteEvent#topic()} with key {@link SuiteEvent#key()}, the event's JSON as body and the
 * {@link CloudEventHeaders} as the only headers, by one thread per service that sends in batches and deletes what
 * Kafka acknowledged ({@link OutboxRelay}). A service starts and works while Kafka is down: its events wait in the
 * table.
 *
 * <p>Defaults (each overridable in application.yml) are in {@code dev/txsuite/events/event-outbox.properties} and
 * {@link EventOutboxProperties}.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventOutboxProperties.class)
@PropertySource("classpath:dev/txsuite/events/event-outbox.properties")
public class EventOutboxAutoConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    OutboxTable outboxTable(DataSource dataSource) {
        return new OutboxTable(JdbcClient.create(dataSource));
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxTable table,
            DataSource dataSource,
            KafkaOperations<Object, Object> kafka,
            EventOutboxProperties properties,
            @Value("${spring.application.name:unknown-service}") String source) {
        // transactions of its own on the same database, whatever transaction manager the service uses
        return new OutboxRelay(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                kafka,
                properties,
                source);
    }

    @Bean
    EventOutbox eventOutbox(
            OutboxTable table, DataSource dataSource, ObjectProvider<JsonMapper> jsonMapper, OutboxRelay relay) {
        return new EventOutbox(new JdbcTemplate(dataSource), jsonMapper.getIfUnique(JsonMapper::new), relay);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DataSource dataSource) {
        return new ProcessedEvents(JdbcClient.create(dataSource));
    }

    @Bean
    KafkaAdmin.NewTopics suiteTopics(EventOutboxProperties properties) {
        return new KafkaAdmin.NewTopics(properties.topics().stream()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
