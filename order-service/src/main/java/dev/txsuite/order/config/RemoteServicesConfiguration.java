package dev.txsuite.order.config;

import dev.txsuite.order.order.InventoryCatalog;
import dev.txsuite.order.order.OrderProperties;
import dev.txsuite.order.order.PaymentAccounts;
import dev.txsuite.order.order.RecentLookups;
import dev.txsuite.order.order.RemoteLookup;
import dev.txsuite.order.order.TransactionCoordinator;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The clients of inventory-service, payment-service and tx-coordinator: the timeouts of each are
 * {@code txsuite.services.<target>}, its retry, circuit breaker and bulkhead the Resilience4j instances of the same
 * name ({@code resilience4j.retry.instances.inventory}, ...), all in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class RemoteServicesConfiguration {

    @Bean
    RecentLookups<InventoryCatalog.Product> productPrices(Clock clock, OrderProperties orders) {
        return new RecentLookups<>(clock, orders.lookupCacheTtl());
    }

    @Bean
    RecentLookups<PaymentAccounts.Account> customerAccounts(Clock clock, OrderProperties orders) {
        return new RecentLookups<>(clock, orders.lookupCacheTtl());
    }

    @Bean
    InventoryCatalog inventoryCatalog(
            RestClient.Builder builder,
            RemoteServices services,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RecentLookups<InventoryCatalog.Product> prices) {
        return new InventoryCatalog(
                new RemoteLookup(
                        "inventory-service",
                        client(builder, services.inventory()),
                        retries.retry("inventory"),
                        breakers.circuitBreaker("inventory"),
                        bulkheads.bulkhead("inventory")),
                prices);
    }

    @Bean
    PaymentAccounts paymentAccounts(
            RestClient.Builder builder,
            RemoteServices services,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            RecentLookups<PaymentAccounts.Account> accounts) {
        return new PaymentAccounts(
                new RemoteLookup(
                        "payment-service",
                        client(builder, services.payment()),
                        retries.retry("payment"),
                        breakers.circuitBreaker("payment"),
                        bulkheads.bulkhead("payment")),
                accounts);
    }

    @Bean
    TransactionCoordinator transactionCoordinator(
            RestClient.Builder builder,
            RemoteServices services,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        return new TransactionCoordinator(
                client(builder, services.coordinator()),
                retries.retry("coordinator"),
                breakers.circuitBreaker("coordinator"));
    }

    private static RestClient client(RestClient.Builder builder, RemoteServices.Target target) {
        // HTTP/1.1: the JDK client would otherwise offer every plain-HTTP request an h2c upgrade
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.connectTimeout())
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(target.readTimeout());
        return builder.clone().baseUrl(target.url()).requestFactory(requests).build();
    }
}
