package dev.txsuite.order.order;

import java.util.concurrent.CompletableFuture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.messaging.Message;

/**
 * The KafkaTemplate the outbox relays through, with a switch that makes every relay fail as if the broker were
 * unreachable: what a crash between the database commit and the publish leaves behind.
 */
class InterruptibleRelay extends KafkaTemplate<Object, Object> {

    private volatile boolean interrupted;

    InterruptibleRelay(ProducerFactory<Object, Object> producers, RecordMessageConverter converter) {
        super(producers);
        setMessageConverter(converter);
    }

    void interrupt() {
        interrupted = true;
    }

    void resume() {
        interrupted = false;
    }

    @Override
    public CompletableFuture<SendResult<Object, Object>> send(Message<?> message) {
        if (interrupted) {
            return CompletableFuture.failedFuture(new KafkaException("relay interrupted by the test"));
        }
        return super.send(message);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        InterruptibleRelay kafkaTemplate(ProducerFactory<Object, Object> producers, RecordMessageConverter converter) {
            return new InterruptibleRelay(producers, converter);
        }
    }
}
