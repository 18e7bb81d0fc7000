package dev.txsuite.gateway;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The single-database baseline (baseline-service) behind this gateway, only when {@code txsuite.gateway.baseline-url}
 * ({@code TXSUITE_GATEWAY_BASELINEURL}) is set: {@code ./suite bench} offers the baseline its load through the same edge as
 * 2PC and 3PC, as one would deploy a single service, so that all three pay for the gateway alike. Its
 * {@code /api/orders} and {@code /api/products} are {@code /baseline/api/...} here, with the route's rate limit and
 * circuit breaker ({@code baseline}) as every route has.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("txsuite.gateway.baseline-url")
class BaselineRoute {

    static final String ID = "baseline";

    @Bean
    RouteLocator baselineRouteLocator(
            RouteLocatorBuilder routes, @Value("${txsuite.gateway.baseline-url}") URI baseline) {
        return routes.routes()
                .route(
                        ID,
                        route -> route.path(
                                        "/baseline/api/orders",
                                        "/baseline/api/orders/**",
                                        "/baseline/api/products",
                                        "/baseline/api/products/**")
                                .filters(filters -> filters.stripPrefix(1))
                                .metadata("service", "baseline-service")
                                .uri(baseline))
                .build();
    }
}
