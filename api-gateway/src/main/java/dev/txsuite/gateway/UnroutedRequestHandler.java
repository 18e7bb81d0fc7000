package dev.txsuite.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers a request that matches no route with a problem document, like the services behind the gateway do.
 * Runs before Spring Boot's error handler (order -1), which would answer with its own error format.
 */
@Component
@Order(-2)
class UnroutedRequestHandler implements WebExceptionHandler {

    private static final String BODY = """
            {"type":"https://txsuite.dev/problems/not-found","title":"Not Found","status":404,\
            "detail":"No public API at this path"}""";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!(failure instanceof ResponseStatusException notFound)
                || notFound.getStatusCode() != HttpStatus.NOT_FOUND
                || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var body = response.bufferFactory().wrap(BODY.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
