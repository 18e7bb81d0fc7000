package dev.txsuite.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One circuit breaker per route: the Resilience4j circuit breaker named after the route
 * ({@code resilience4j.circuitbreaker.instances.orders}). A failure is a request the service never answered: the
 * connection was refused, or no answer came within the gateway's response timeout. Any answer, a 5xx included,
 * is the service's and passes through unchanged (order-service's own 503 says which participant is down). While a
 * route's circuit is open, its requests are answered 503 at once, without trying the service.
 *
 * <p>A route whose {@code metadata.streaming} is true (the coordinator's event stream) answers with a stream that
 * stays open as long as the client listens: its call is judged by how its answer starts, never by how long it
 * lasts, so a stream is never a slow call.
 *
 * <p>Answers: 503 {@code service-unavailable} when the request never reached the service (open circuit, refused
 * connection), so nothing changed; 504 {@code gateway-timeout} when it was sent and no answer came, so it may have
 * been applied (an order with an {@code Idempotency-Key} can safely be sent again).
 */
@Component
class RouteCircuitBreakerFilter implements GlobalFilter, Ordered {

    /** Around the routing and the writing of the response, so that their failures reach this filter. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 10;

    private static final Logger log = LoggerFactory.getLogger(RouteCircuitBreakerFilter.class);

    private final CircuitBreakerRegistry breakers;
    private final ProblemResponses problems;

    RouteCircuitBreakerFilter(CircuitBreakerRegistry breakers, ProblemResponses problems) {
        this.breakers = breakers;
        this.problems = problems;
    }

    /** The service behind the route, as its {@code metadata.service} names it. */
    static String serviceOf(Route route) {
        return String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        var service = serviceOf(route);
        var breaker = breakers.circuitBreaker(route.getId());
        if (!breaker.tryAcquirePermission()) {
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    service + " is failing (its circuit breaker is open); nothing was forwarded, try again shortly",
                    Map.of("service", service));
        }
        var call = new Call(breaker);
        if (isStreaming(route)) {
            exchange.getResponse().beforeCommit(() -> {
                call.succeeded();
                return Mono.empty();
            });
        }
        return chain.filter(exchange)
                .doOnSuccess(done -> call.succeeded())
                .doOnCancel(call::abandoned)
                .onErrorResume(failure -> {
                    call.failed(failure);
                    if (exchange.getResponse().isCommitted()) {
                        return Mono.error(failure);
                    }
                    log.warn(
                            "{} {} to {}: no answer: {}",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            service,
                            failure.toString());
                    return neverReached(failure)
                            ? problems.write(
                                    exchange,
                                    HttpStatus.SERVICE_UNAVAILABLE,
                                    "service-unavailable",
                                    service + " cannot be reached; nothing was forwarded, try again later",
                                    Map.of("service", service))
                            : problems.write(
                                    exchange,
                                    HttpStatus.GATEWAY_TIMEOUT,
                                    "gateway-timeout",
                                    service + " did not answer; the request may have been applied",
                                    Map.of("service", service));
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static boolean isStreaming(Route route) {
        return Boolean.parseBoolean(String.valueOf(route.getMetadata().get("streaming")));
    }

    /** One call through a breaker, whose outcome is recorded once: the first of success, failure or cancel. */
    private static final class Call {

        private final CircuitBreaker breaker;
        private final long start;
        private final AtomicBoolean recorded = new AtomicBoolean();

        Call(CircuitBreaker breaker) {
            this.breaker = breaker;
            this.start = breaker.getCurrentTimestamp();
        }

        void succeeded() {
            if (recorded.compareAndSet(false, true)) {
                breaker.onSuccess(elapsed(), breaker.getTimestampUnit());
            }
        }

        void failed(Throwable failure) {
            if (recorded.compareAndSet(false, true)) {
                breaker.onError(elapsed(), breaker.getTimestampUnit(), failure);
            }
        }

        /** The client went away before the answer: the service is neither proven well nor ill. */
        void abandoned() {
            if (recorded.compareAndSet(false, true)) {
                breaker.releasePermission();
            }
        }

        private long elapsed() {
            return breaker.getCurrentTimestamp() - start;
        }
    }

    private static boolean neverReached(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
