package dev.txsuite.gateway;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@value #HEADER}: the client's own when it looks like an id, a new one otherwise. The
 * id travels to the service and comes back in the response, so one id follows a call through every log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";

    // A client-chosen id ends up in logs: accept only short ids of plain characters, never free text.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var requestId = requestIdOf(exchange);
        var withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        // set just before the response is written, so a service that echoes the header does not double it
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    private static String requestIdOf(ServerWebExchange exchange) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (given != null && ACCEPTABLE.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
