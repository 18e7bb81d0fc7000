package dev.txsuite.launcher.events;

import dev.txsuite.launcher.SuiteFailure;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./suite events [topic]}: every event of the suite's topics from the beginning, then new ones as they
 * come, one line each, until Ctrl-C. It reads as a throw-away consumer group and commits nothing, so it
 * never moves what the services consume.
 */
public final class EventsCommand {

    public static final List<String> TOPICS =
            List.of("tx.events", "order.events", "inventory.events", "payment.events");

    private final PrintStream out;
    private final ZoneId zone;

    public EventsCommand(PrintStream out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    public int run(List<String> arguments, Map<String, String> environment) {
        var bootstrapServers = bootstrapServers(environment);
        var topics = TOPICS;
        for (var i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (argument.equals("--kafka") && i + 1 < arguments.size()) {
                bootstrapServers = arguments.get(++i);
            } else if (argument.startsWith("--kafka=")) {
                bootstrapServers = argument.substring("--kafka=".length());
            } else if (!argument.startsWith("-")) {
                topics = List.of(argument);
            } else {
                throw new SuiteFailure("unknown option " + argument + "; ./suite help lists the options");
            }
        }
        requireBroker(bootstrapServers);
        out.println("following " + String.join(", ", topics) + " on " + bootstrapServers
                + " from the beginning (Ctrl-C stops)");
        follow(bootstrapServers, topics);
        return 0;
    }

    private void follow(String bootstrapServers, List<String> topics) {
        var consumer = new KafkaConsumer<>(
                consumerProperties(bootstrapServers), new StringDeserializer(), new StringDeserializer());
        var closed = new CountDownLatch(1);
        var stopOnExit = new Thread(
                () -> {
                    consumer.wakeup();
                    awaitQuietly(closed);
                },
                "stop-following-events");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try (consumer) {
            // a topic that does not exist yet is picked up as soon as a service creates it
            consumer.subscribe(topics);
            while (true) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    out.println(EventLine.of(record).format(zone));
                }
                out.flush();
            }
        } catch (WakeupException stopping) {
            // Ctrl-C: the consumer is closed by the try block
        } finally {
            closed.countDown();
        }
    }

    private static Properties consumerProperties(String bootstrapServers) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "suite-events-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
        return properties;
    }

    private static String bootstrapServers(Map<String, String> environment) {
        var configured = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        var port = environment.get("KAFKA_PORT");
        return "localhost:" + (port == null || port.isBlank() ? "9092" : port.strip());
    }

    private static void requireBroker(String bootstrapServers) {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (var admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(6, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SuiteFailure("no Kafka broker answers at " + bootstrapServers
                    + ": start the suite with ./suite up, or point --kafka (or KAFKA_BOOTSTRAP_SERVERS) at yours");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
