package dev.txsuite.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses paths a service would read differently from the gateway. The routes match the path as sent, but the
 * services' servlet container resolves dot segments, encoded dots and slashes and {@code ;} path parameters:
 * {@code /api/orders/../../tx/transactions} would match the orders route here and reach
 * {@code /tx/transactions} there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PathTraversalFilter implements WebFilter {

    private static final String BODY = """
            {"type":"https://txsuite.dev/problems/invalid-path","title":"Bad Request","status":400,\
            "detail":"The path may not contain dot segments, encoded dots, slashes or backslashes, or ';'"}""";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isAmbiguous(exchange.getRequest().getURI().getRawPath())) {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(BODY.getBytes(StandardCharsets.UTF_8))));
        }
        return chain.filter(exchange);
    }

    static boolean isAmbiguous(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        var lower = rawPath.toLowerCase(Locale.ROOT);
        return lower.contains("%2e")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%25")
                || lower.contains("\\")
                || lower.contains(";")
                || Arrays.stream(lower.split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."));
    }
}
