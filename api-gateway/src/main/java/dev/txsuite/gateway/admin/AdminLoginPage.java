package dev.txsuite.gateway.admin;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The admin login form: served at {@code GET /admin/login}, and as the body of the {@code 401} a browser gets for
 * a dashboard page without a login or after a wrong password, so that the status stays true and the user still
 * sees a form. One self-contained page (no script, no external resource), so nothing else needs a login to load.
 * Part of the admin security chain only, not a global filter.
 */
final class AdminLoginPage implements WebFilter {

    static final String PATH = "/admin/login";

    /** What the page says above the form. */
    enum Notice {
        NONE(""),
        LOG_IN_FIRST("<p class=\"notice\" role=\"status\">Log in to open the admin dashboard.</p>"),
        WRONG_CREDENTIALS("<p class=\"notice error\" role=\"alert\">Not logged in: wrong user name or password.</p>"),
        LOGGED_OUT("<p class=\"notice\" role=\"status\">You are logged out.</p>");

        private final String html;

        Notice(String html) {
            this.html = html;
        }
    }

    // Only inline styles and a form posting to this origin: the policy says so, so an injected tag could do nothing.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Log in: txsuite admin</title>
            <style>
              body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f4f7;
                     color: #1b2130; font: 16px/1.5 system-ui, sans-serif; }
              main { background: #fff; padding: 2rem; border-radius: 8px; width: min(22rem, 90vw);
                     box-shadow: 0 1px 4px rgba(0, 0, 0, .2); }
              h1 { font-size: 1.3rem; margin: 0 0 1rem; }
              label { display: block; margin: .8rem 0 .25rem; font-weight: 600; }
              input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #6b7488;
                      border-radius: 4px; }
              button { margin-top: 1.4rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; color: #fff;
                       background: #1f4fb0; border: 0; border-radius: 4px; cursor: pointer; }
              input:focus-visible, button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
              .notice { margin: 0 0 .5rem; padding: .5rem .75rem; border-radius: 4px; background: #e6eefc; }
              .error { background: #fde7e7; color: #8c1616; }
            </style>
            </head>
            <body>
            <main>
            <h1>txsuite admin</h1>
            {{notice}}
            <form method="post" action="/admin/login">
              <label for="username">User name</label>
              <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false"
                     required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <button type="submit">Log in</button>
            </form>
            </main>
            </body>
            </html>
            """;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET
                || !request.getPath().pathWithinApplication().value().equals(PATH)) {
            return chain.filter(exchange);
        }
        var loggedOut = request.getQueryParams().containsKey("logout");
        return write(exchange, HttpStatus.OK, loggedOut ? Notice.LOGGED_OUT : Notice.NONE);
    }

    /** Answers with the page; its form carries the CSRF token the login POST needs (created now if new). */
    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Notice notice) {
        Mono<CsrfToken> csrfToken = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrfToken.map(CsrfToken::getToken).defaultIfEmpty("").flatMap(token -> {
            var html = PAGE.replace("{{notice}}", notice.html).replace("{{csrf}}", HtmlUtils.htmlEscape(token));
            var response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            response.getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            var body = response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
            return response.writeWith(Mono.just(body));
        });
    }
}
