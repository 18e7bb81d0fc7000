package dev.txsuite.order.config;

import dev.txsuite.order.order.InventoryCatalog;
import dev.txsuite.order.order.OrderProperties;
import dev.txsuite.order.order.PaymentAccounts;
import dev.txsuite.order.order.ProductPrices;
import dev.txsuite.order.order.RemoteLookup;
import dev.txsuite.order.order.TransactionCoordinator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The clients of inventory-service, payment-service and tx-coordinator. The retries and circuit breakers are
 * configured per target in application.yml ({@code resilience4j.retry.instances.*},
 * {@code resilience4j.circuitbreaker.instances.*}).
 */
@Configuration(proxyBeanMethods = false)
class RemoteServicesConfiguration {

    @Bean
    ProductPrices productPrices(Clock clock, OrderProperties orders) {
        return new ProductPrices(clock, orders.priceCacheTtl());
    }

    @Bean
    InventoryCatalog inventoryCatalog(
            RestClient.Builder builder,
            ServiceUrls urls,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            ProductPrices prices) {
        return new InventoryCatalog(
                new RemoteLookup(
                        "inventory-service",
                        client(builder, urls.inventory(), urls.connectTimeout(), urls.lookupTimeout()),
                        retries.retry("inventory"),
                        breakers.circuitBreaker("inventory")),
                prices);
    }

    @Bean
    PaymentAccounts paymentAccounts(
            RestClient.Builder builder, ServiceUrls urls, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return new PaymentAccounts(new RemoteLookup(
                "payment-service",
                client(builder, urls.payment(), urls.connectTimeout(), urls.lookupTimeout()),
                retries.retry("payment"),
                breakers.circuitBreaker("payment")));
    }

    @Bean
    TransactionCoordinator transactionCoordinator(
            RestClient.Builder builder,
            ServiceUrls urls,
            OrderProperties orders,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        return new TransactionCoordinator(
                client(builder, urls.coordinator(), urls.connectTimeout(), orders.requestDeadline()),
                retries.retry("coordinator"),
                breakers.circuitBreaker("coordinator"));
    }

    private static RestClient client(RestClient.Builder builder, URI baseUrl, Duration connect, Duration read) {
        // HTTP/1.1: the JDK client would otherwise offer every plain-HTTP request an h2c upgrade
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(read);
        return builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
    }
}
