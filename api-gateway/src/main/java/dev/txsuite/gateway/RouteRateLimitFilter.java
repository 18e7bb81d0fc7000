package dev.txsuite.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One rate limit per route, for all clients together: the Resilience4j rate limiter named after the route
 * ({@code resilience4j.ratelimiter.instances.orders}). A limit says how much the services behind a route can take,
 * which does not depend on who sends; a key per client address would need a trusted {@code X-Forwarded-For} chain
 * (behind a load balancer every client has its address) and a map that forgets idle clients. A request over the
 * limit is answered 429 with {@code Retry-After} and never reaches the service. Runs before the circuit breaker,
 * so refused requests do not count there.
 */
@Component
class RouteRateLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = RouteCircuitBreakerFilter.ORDER - 1;

    private final RateLimiterRegistry limiters;
    private final ProblemResponses problems;

    RouteRateLimitFilter(RateLimiterRegistry limiters, ProblemResponses problems) {
        this.limiters = limiters;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        var limiter = limiters.rateLimiter(route.getId());
        // never blocks the event loop: a permit due within the limiter's timeout-duration is waited for here
        var nanosToWait = limiter.reservePermission();
        if (nanosToWait < 0) {
            return refuse(exchange, route, limiter);
        }
        return nanosToWait == 0
                ? chain.filter(exchange)
                : Mono.delay(Duration.ofNanos(nanosToWait)).then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Route route, RateLimiter limiter) {
        var service = RouteCircuitBreakerFilter.serviceOf(route);
        var config = limiter.getRateLimiterConfig();
        var period = config.getLimitRefreshPeriod();
        // by then a new period has begun, with a fresh allowance
        var retryAfterSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
        var per = period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "More requests to " + service + " than the gateway lets through ("
                        + config.getLimitForPeriod() + " per " + per + "); try again after "
                        + retryAfterSeconds + " s. Nothing was forwarded.",
                Map.of("service", service));
    }
}
