package dev.txsuite.inventory;

import dev.txsuite.testing.FreshDatabaseConfiguration;
import dev.txsuite.testing.FreshKafkaConfiguration;
import dev.txsuite.testing.ParticipantTestConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port against a fresh PostgreSQL database and the test JVM's Kafka broker. Every test class uses exactly this
 * configuration so that they all share one Spring context (and one database): tests use skus of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({
    FreshDatabaseConfiguration.class,
    FreshKafkaConfiguration.class,
    ParticipantTestConfiguration.class,
    InventoryTestData.class
})
public @interface InventoryServiceTest {}
