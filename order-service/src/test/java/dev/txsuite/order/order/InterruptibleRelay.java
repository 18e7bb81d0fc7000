package dev.txsuite.order.order;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * The KafkaTemplate the outbox relays through, with a switch that makes every send fail as if the broker were
 * unreachable: what a crash between the database commit and the publish leaves behind.
 */
class InterruptibleRelay extends KafkaTemplate<Object, Object> {

    private volatile boolean interrupted;
    private final AtomicInteger refused = new AtomicInteger();

    InterruptibleRelay(ProducerFactory<Object, Object> producers) {
        super(producers);
    }

    void interrupt() {
        refused.set(0);
        interrupted = true;
    }

    void resume() {
        interrupted = false;
    }

    /** The events refused since the last {@link #interrupt()}. */
    int refusedSince() {
        return refused.get();
    }

    @Override
    public CompletableFuture<SendResult<Object, Object>> send(ProducerRecord<Object, Object> record) {
        if (interrupted) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new KafkaException("relay interrupted by the test"));
        }
        return super.send(record);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        InterruptibleRelay kafkaTemplate(ProducerFactory<Object, Object> producers) {
            return new InterruptibleRelay(producers);
        }
    }
}
