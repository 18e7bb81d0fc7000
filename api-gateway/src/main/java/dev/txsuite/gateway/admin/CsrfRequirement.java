package dev.txsuite.gateway.admin;

import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which admin requests must carry the CSRF token: the unsafe ones that a browser could send on its own credentials
 * from another site. Those are the requests with cookies (the login session), and HTTP Basic requests that the
 * browser itself marks as coming from another site ({@code Sec-Fetch-Site}: a browser that once saw a Basic
 * challenge sends the remembered credentials with them). An API client's Basic request ({@code curl -u}) needs no
 * token, and a request with no credentials at all needs none either: it is answered {@code 401}.
 */
final class CsrfRequirement implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final Set<String> FROM_THIS_SITE = Set.of("same-origin", "none");

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return needsToken(
                        request.getMethod(),
                        request.getHeaders(),
                        !request.getCookies().isEmpty())
                ? MatchResult.match()
                : MatchResult.notMatch();
    }

    private static boolean needsToken(HttpMethod method, HttpHeaders headers, boolean hasCookies) {
        if (SAFE.contains(method)) {
            return false;
        }
        if (hasBasicCredentials(headers)) {
            var site = headers.getFirst("Sec-Fetch-Site");
            return site != null && !FROM_THIS_SITE.contains(site.toLowerCase(Locale.ROOT));
        }
        return hasCookies;
    }

    private static boolean hasBasicCredentials(HttpHeaders headers) {
        var authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
