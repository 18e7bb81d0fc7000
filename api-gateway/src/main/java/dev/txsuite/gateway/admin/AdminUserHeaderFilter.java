package dev.txsuite.gateway.admin;

import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the service who the admin is in {@value #HEADER}, which the coordinator records as the operator of an
 * action. Whatever the client sent in it is removed on every route, so only the gateway can name an operator;
 * it names the authenticated admin, and only the admin routes authenticate anyone.
 */
@Component
class AdminUserHeaderFilter implements GlobalFilter, Ordered {

    static final String HEADER = "X-Admin-User";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(principal -> Optional.of(principal.getName()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(admin -> chain.filter(withHeader(exchange, admin)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static ServerWebExchange withHeader(ServerWebExchange exchange, Optional<String> admin) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(HEADER);
                    admin.ifPresent(name -> headers.set(HEADER, name));
                }))
                .build();
    }
}
