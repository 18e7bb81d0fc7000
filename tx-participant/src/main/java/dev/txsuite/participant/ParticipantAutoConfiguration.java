package dev.txsuite.participant;

import dev.txsuite.faults.FaultInjectionAutoConfiguration;
import dev.txsuite.faults.Faults;
import java.net.http.HttpClient;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the service into a participant: the protocol endpoints, the participant log and its schema, and the
 * timers that settle in-doubt branches. The service provides exactly one {@link BranchWork} bean and sets
 * {@code txsuite.participant.name}. Scheduling is enabled here; a service that enables it too shares the same
 * scheduler.
 */
@AutoConfiguration(after = FaultInjectionAutoConfiguration.class)
@EnableConfigurationProperties(ParticipantProperties.class)
@EnableScheduling
public class ParticipantAutoConfiguration {

    @Bean
    ParticipantLog participantLog(DataSource dataSource, ObjectMapper objectMapper, ParticipantProperties properties) {
        return new ParticipantLog(
                JdbcClient.create(dataSource), objectMapper, properties.readyTimeout(), properties.preCommitTimeout());
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
            ApplyBranchMessage applyBranchMessage,
            ParticipantLog participantLog,
            Faults faults,
            ParticipantProperties properties) {
        return new ParticipantController(applyBranchMessage, participantLog, faults, properties);
    }

    @Bean
    ResolveExpiredBranches resolveExpiredBranches(
            ParticipantLog participantLog,
            ApplyBranchMessage applyBranchMessage,
            Faults faults,
            ParticipantProperties properties) {
        var http = timerCalls(properties);
        return new ResolveExpiredBranches(
                participantLog,
                new AskCoordinator(http, properties.coordinatorUrl(), faults),
                new LeadTermination(
                        participantLog, new PeerBranches(http, faults), applyBranchMessage, properties.name()),
                applyBranchMessage,
                properties.timerInterval());
    }

    @Bean
    FlywayMigrationStrategy participantLogMigration() {
        return new ParticipantLogMigration();
    }

    /**
     * The timers' calls to the coordinator and the other participants: short timeouts, because a call that
     * does not answer in time counts as a crashed peer, and no retries (the next expiry is the retry). Not a
     * bean, so that it never competes with the service's own clients.
     */
    private static RestClient timerCalls(ParticipantProperties properties) {
        // HTTP/1.1: the JDK client would otherwise offer every plain-HTTP request an h2c upgrade
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        return RestClient.builder().requestFactory(requests).build();
    }
}
