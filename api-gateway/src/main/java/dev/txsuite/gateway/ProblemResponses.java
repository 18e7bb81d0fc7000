package dev.txsuite.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Answers with an RFC 9457 problem detail, as the services behind the gateway answer theirs. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param slug the end of the problem's type, {@code https://txsuite.dev/problems/<slug>}
     * @param properties extra members of the problem, such as the service it is about
     */
    public Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String slug, String detail, Map<String, Object> properties) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "https://txsuite.dev/problems/" + slug);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.putAll(properties);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
