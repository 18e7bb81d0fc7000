package dev.txsuite.testing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Import into a {@code @SpringBootTest} to run the application against a database of its own (see
 * {@link TestPostgres}). One database per Spring context: test classes that share a context share it; it is
 * dropped when the context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshDatabaseConfiguration {

    @Bean
    FreshDatabase freshDatabase(Environment environment) {
        return new FreshDatabase(
                TestPostgres.createDatabase(environment.getProperty("spring.application.name", "test")));
    }

    /** Dropped when the context closes, after the connection pool that depends on it. */
    static final class FreshDatabase implements JdbcConnectionDetails, DisposableBean {

        private final TestDatabase database;

        FreshDatabase(TestDatabase database) {
            this.database = database;
        }

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

        @Override
        public void destroy() {
            TestPostgres.dropDatabase(database);
        }
    }
}
