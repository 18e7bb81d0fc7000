package dev.txsuite.baseline;

import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.FreshKafkaConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port against a fresh PostgreSQL database (demo data loaded) and the test JVM's
 * Kafka broker. Every test class uses exactly this configuration so that they all share one Spring context (and
 * one database): tests make products and customers of their own with {@link TestShop}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({FreshDatabaseConfiguration.class, FreshKafkaConfiguration.class, BaselineTestData.class})
public @interface BaselineServiceTest {}
