package dev.txsuite.gateway.admin;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes sure every admin answer sets the {@code XSRF-TOKEN} cookie when the browser has none yet. Spring Security
 * creates the token only when something asks for it, and on the way to the dashboard nothing does: its page comes
 * from the coordinator, yet its first POST needs the cookie. Part of the admin security chain only.
 */
final class CsrfCookieFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return token.then(Mono.defer(() -> chain.filter(exchange)));
    }
}
