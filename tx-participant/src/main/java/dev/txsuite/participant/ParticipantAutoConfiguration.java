package dev.txsuite.participant;

import dev.txsuite.faults.FaultInjectionAutoConfiguration;
import dev.txsuite.faults.Faults;
import dev.txsuite.faults.HaltPoints;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns the service into a participant: the protocol endpoints, the participant log and its schema, and the
 * timers that settle in-doubt branches. The service provides exactly one {@link BranchWork} bean and sets
 * {@code txsuite.participant.name}. Scheduling is enabled here; a service that enables it too shares the same
 * scheduler. Defaults, each overridable in the service's application.yml, are in
 * {@code dev/txsuite/participant/tx-participant.properties}: the Resilience4j guards of the timers' calls.
 */
@AutoConfiguration(after = FaultInjectionAutoConfiguration.class)
@EnableConfigurationProperties(ParticipantProperties.class)
@EnableScheduling
@PropertySource("classpath:dev/txsuite/participant/tx-participant.properties")
public class ParticipantAutoConfiguration {

    /** The points fault injection can halt a participant at; the fault-injection library asks for this bean. */
    @Bean
    HaltPoints participantHaltPoints() {
        return ParticipantHaltPoints.all();
    }

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
            Faults faults,
            ParticipantProperties properties) {
        var found = works.orderedStream().toList();
        if (found.size() != 1) {
            throw new IllegalStateException("participant " + properties.name()
                    + " needs exactly one BranchWork bean (the business side of prepare/commit/abort), found "
                    + found.size() + ": " + found);
        }
        return new ApplyBranchMessage(participantLog, found.getFirst(), objectMapper, faults, properties.name());
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
    AskCoordinator askCoordinator(
            Faults faults,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            ParticipantProperties properties) {
        return new AskCoordinator(
                timerCalls(properties),
                properties.coordinatorUrl(),
                new CallGuards(retries, breakers, bulkheads),
                faults);
    }

    @Bean
    ResolveExpiredBranches resolveExpiredBranches(
            ParticipantLog participantLog,
            ApplyBranchMessage applyBranchMessage,
            AskCoordinator askCoordinator,
            Faults faults,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            ParticipantProperties properties) {
        var http = timerCalls(properties);
        var guards = new CallGuards(retries, breakers, bulkheads);
        return new ResolveExpiredBranches(
                participantLog,
                askCoordinator,
                new LeadTermination(
                        participantLog, new PeerBranches(http, guards, faults), applyBranchMessage, properties.name()),
                applyBranchMessage,
                properties.timerInterval());
    }

    @Bean
    FlywayMigrationStrategy participantLogMigration() {
        return new ParticipantLogMigration();
    }

    /**
     * The timers' calls to the coordinator and the other participants: short timeouts, because a call that
     * does not answer in time counts as a crashed peer; the retries are {@link CallGuards}'. Not a bean, so that
     * it never competes with the service's own clients.
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
