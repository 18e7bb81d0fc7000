package dev.txsuite.testing;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker the tests use, one per test JVM: a Testcontainers {@code apache/kafka} broker where a Docker
 * engine answers, otherwise a real KRaft broker inside the test JVM (spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker}). Topics are shared by every test of the JVM: a test looks for the events of
 * its own entities (by key or id), never assumes a topic is empty. Set {@code TXSUITE_TEST_KAFKA=embedded} to
 * skip the Docker probe.
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {}

    /** Starts the broker on first use; {@code host:port} to give a client. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers =
                    DockerEngine.shouldUse("TXSUITE_TEST_KAFKA", "embedded") ? containerBroker() : embeddedBroker();
        }
        return bootstrapServers;
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static String containerBroker() {
        var container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        return container.getBootstrapServers();
    }

    private static String embeddedBroker() {
        // partitions as the services create their topics, so a topic auto-created by a test looks the same
        var broker = new EmbeddedKafkaKraftBroker(1, 3).brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        ApplicationShutdown.afterApplicationsClosed(broker::destroy);
        return broker.getBrokersAsString();
    }
}
