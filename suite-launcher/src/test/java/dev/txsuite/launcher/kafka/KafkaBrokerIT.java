package dev.txsuite.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.txsuite.launcher.RepositoryRoot;
import dev.txsuite.launcher.SuiteFailure;
import dev.txsuite.launcher.process.JvmOptions;
import dev.txsuite.launcher.process.LocalPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker as a child process, from the jars the launcher is packaged with. */
class KafkaBrokerIT {

    @TempDir
    Path data;

    @Test
    void shouldServeRecordsAndKeepThemAcrossARestartOnOtherPorts() throws Exception {
        var ports = LocalPorts.freePorts(4);
        var first = broker(ports.get(0), ports.get(1));
        first.start();
        try {
            first.awaitReady(KafkaBroker.READINESS_TIMEOUT);
            send(first, "kept", "order-1", "{\"orderId\": \"order-1\"}");
        } finally {
            first.stop();
        }
        assertThat(first.isRunning()).isFalse();

        var second = broker(ports.get(2), ports.get(3));
        second.start();
        try {
            second.awaitReady(KafkaBroker.READINESS_TIMEOUT);
            assertThat(readAll(second, "kept")).extracting(ConsumerRecord::key).containsExactly("order-1");
        } finally {
            second.stop();
        }
        assertThat(second.handle()).isEmpty();
    }

    @Test
    void shouldRefuseToStartOnAPortThatIsTaken() throws IOException {
        try (var taken = new ServerSocket(0)) {
            var broker = broker(taken.getLocalPort(), LocalPorts.freePorts(1).getFirst());

            assertThatThrownBy(broker::start)
                    .isInstanceOf(SuiteFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already taken");
            assertThat(broker.isRunning()).isFalse();
        }
    }

    private KafkaBroker broker(int port, int controllerPort) {
        return new KafkaBroker(
                RepositoryRoot.find().launcherLibraries(),
                data,
                port,
                controllerPort,
                data.resolve("kafka.log"),
                JvmOptions.quickStart(Map.of()).kafka());
    }

    private static void send(KafkaBroker broker, String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-it",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("the record written before the restart")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                        return !records.isEmpty();
                    });
        }
        return records;
    }
}
