package dev.txsuite.gateway.admin;

import dev.txsuite.gateway.ProblemResponses;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The {@code 401} of an admin path without (valid) credentials. A dashboard page gets the login form as its body.
 * The admin API gets a problem, with a Basic challenge for API clients ({@code curl -u}), but none for the
 * dashboard's own calls: a browser that sees the challenge pops its native login dialog, and then sends the
 * credentials it remembers with every request, even from other sites.
 */
final class AdminAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String DASHBOARD_HEADER = "X-Requested-With";
    static final String DASHBOARD = "txsuite-dashboard";
    static final String CHALLENGE = "Basic realm=\"txsuite admin\"";

    private final AdminLoginPage loginPage;
    private final ProblemResponses problems;

    AdminAuthenticationEntryPoint(AdminLoginPage loginPage, ProblemResponses problems) {
        this.loginPage = loginPage;
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        var request = exchange.getRequest();
        if (isDashboardPage(request.getPath().pathWithinApplication().value())) {
            return loginPage.write(exchange, HttpStatus.UNAUTHORIZED, AdminLoginPage.Notice.LOG_IN_FIRST);
        }
        if (!fromTheDashboard(request.getHeaders())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        var detail = failure instanceof BadCredentialsException
                ? "Wrong user name or password for the admin API"
                : "The admin API needs admin credentials: HTTP Basic (curl -u) or the session of a login at "
                        + AdminLoginPage.PATH;
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", detail, Map.of());
    }

    private static boolean isDashboardPage(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    /**
     * The dashboard's fetch calls say so in a header. Its EventSource cannot send headers, so a request for the
     * event stream gets no challenge either; an API client sends its credentials without being asked.
     */
    private static boolean fromTheDashboard(HttpHeaders headers) {
        return DASHBOARD.equals(headers.getFirst(DASHBOARD_HEADER))
                || headers.getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
    }
}
