package dev.txsuite.participant;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the service into a participant: the protocol endpoints, the participant log and its schema. The service
 * provides exactly one {@link BranchWork} bean and sets {@code txsuite.participant.name}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ParticipantProperties.class)
public class ParticipantAutoConfiguration {

    @Bean
    ParticipantLog participantLog(DataSource dataSource) {
        return new ParticipantLog(JdbcClient.create(dataSource));
    }

    @Bean
    ApplyBranchMessage applyBranchMessage(
            ParticipantLog participantLog,
            ObjectProvider<BranchWork<?>> works,
            ObjectMapper objectMapper,
            ParticipantProperties properties) {
        var found = works.orderedStream().toList();
        if (found.size() != 1) {
            throw new IllegalStateException("participant " + properties.name()
                    + " needs exactly one BranchWork bean (the business side of prepare/commit/abort), found "
                    + found.size() + ": " + found);
        }
        return new ApplyBranchMessage(participantLog, found.getFirst(), objectMapper, properties.name());
    }

    @Bean
    ParticipantController participantController(
            ApplyBranchMessage applyBranchMessage, ParticipantLog participantLog, ParticipantProperties properties) {
        return new ParticipantController(applyBranchMessage, participantLog, properties);
    }

    @Bean
    FlywayMigrationStrategy participantLogMigration() {
        return new ParticipantLogMigration();
    }
}
