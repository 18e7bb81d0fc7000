package dev.txsuite.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The clients a participant service's tests inject: its {@code /tx/branches} endpoints and its branch log. Import
 * it next to {@link FreshDatabaseConfiguration} in the service's test annotation.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ParticipantTestConfiguration {

    @Bean
    BranchLog branchLog(JdbcClient jdbc) {
        return new BranchLog(jdbc);
    }

    @Bean
    ParticipantEndpoints participantEndpoints(RestTestClient client) {
        return new ParticipantEndpoints(client);
    }
}
