package dev.txsuite.coordinator.config;

import java.net.http.HttpClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** The HTTP side of the coordinator: how it reaches the participants, and the threads the calls run on. */
@Configuration(proxyBeanMethods = false)
class ParticipantHttpConfiguration {

    /**
     * One virtual thread per protocol message: a participant that hangs until the read timeout holds a cheap
     * virtual thread, never a pooled one another transaction is waiting for.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService participantCalls() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("participant-call-", 0).factory());
    }

    /** HTTP/1.1 with the client's connection pool, so consecutive messages to a participant reuse a connection. */
    @Bean
    HttpClient participantHttpClient(CoordinatorProperties properties) {
        Executor virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(virtualThreads)
                .build();
    }

    @Bean
    JdkClientHttpRequestFactory participantRequestFactory(
            HttpClient participantHttpClient, CoordinatorProperties properties) {
        var factory = new JdkClientHttpRequestFactory(participantHttpClient);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
