package dev.txsuite.coordinator.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the outbox relays {@code tx.events} to Kafka on. Spring Modulith relays each event asynchronously after
 * its transaction commits, on the executor named {@code taskExecutor}; without this one the coordinator's only task
 * executor was the task scheduler, whose virtual threads are unbounded. Under load every relay (nine events a 2PC
 * transaction, each marked in flight and then deleted in a transaction of its own) took a connection of the pool at
 * once, and the protocol's own log writes waited for one, up to the pool's 30 s, until orders timed out
 * (docs/benchmarks.md, "Where the time goes"). A few threads keep up with the relays and leave the pool to the
 * protocol; the events wait in a queue in memory meanwhile, and in the outbox table if the process dies.
 */
@Configuration(proxyBeanMethods = false)
class OutboxRelayConfiguration {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(@Value("${txsuite.coordinator.outbox-relays:4}") int relays) {
        if (relays < 1) {
            throw new IllegalArgumentException("txsuite.coordinator.outbox-relays must be 1 or more, not " + relays);
        }
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(relays);
        executor.setMaxPoolSize(relays);
        executor.setThreadNamePrefix("outbox-relay-");
        return executor;
    }
}
