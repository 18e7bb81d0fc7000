package dev.txsuite.events;

import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox of a service: Spring Modulith's JDBC event publication registry (table
 * {@code event_publication} in the service's own database) records every {@link SuiteEvent} published inside a
 * transaction, in that transaction; after the commit Modulith's Kafka externalisation relays it to
 * {@link SuiteEvent#topic()} with key {@link SuiteEvent#key()}, the event's JSON as body and the
 * {@link CloudEventHeaders} as the only headers ({@link PlainJsonRecordConverter}). Entries whose
 * relay failed are sent again ({@link ResubmitFailedPublications}), unfinished ones also at every start.
 *
 * <p>Defaults (each overridable in application.yml) are in {@code dev/txsuite/events/event-outbox.properties}:
 * Modulith creates {@code event_publication} itself ({@code create table if not exists}, after Flyway has
 * migrated, because it needs a JdbcTemplate and every JdbcTemplate waits for Flyway), so no service migration
 * has to copy Modulith's schema.
 */
@AutoConfiguration(
        before = EventExternalizationAutoConfiguration.class,
        beforeName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@EnableConfigurationProperties(EventOutboxProperties.class)
@EnableScheduling
@PropertySource("classpath:dev/txsuite/events/event-outbox.properties")
public class EventOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventExternalizationConfiguration suiteEventExternalization(
            @Value("${spring.application.name:unknown-service}") String source) {
        return EventExternalizationConfiguration.externalizing()
                .select(SuiteEvent.class::isInstance)
                .route(
                        SuiteEvent.class,
                        event -> RoutingTarget.forTarget(event.topic()).andKey(event.key()))
                .headers(SuiteEvent.class, event -> CloudEventHeaders.of(event, source))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    RecordMessageConverter plainJsonRecordConverter(ObjectProvider<JsonMapper> jsonMapper) {
        return new PlainJsonRecordConverter(jsonMapper.getIfUnique(JsonMapper::new));
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

    @Bean
    ResubmitFailedPublications resubmitFailedPublications(
            FailedEventPublications failedPublications, EventOutboxProperties properties) {
        return new ResubmitFailedPublications(failedPublications, properties.resubmitInterval());
    }
}
