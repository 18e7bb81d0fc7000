package dev.txsuite.testing;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Import into a {@code @SpringBootTest} to run the application against a database of its own (see
 * {@link TestPostgres}). One database per Spring context: test classes that share a context share it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails freshDatabase(Environment environment) {
        var database = TestPostgres.createDatabase(environment.getProperty("spring.application.name", "test"));
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
