package dev.txsuite.gateway.admin;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import dev.txsuite.gateway.ProblemResponses;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Admin login for the admin routes only: the coordinator's admin API ({@code /api/transactions}) and dashboard
 * ({@code /admin}), and the operator's supplies (restocks of products, deposits on accounts). Every other path passes
 * the gateway exactly as before: no login, no CSRF token, no session.
 *
 * <p>API clients send HTTP Basic on every call; browsers log in once with the form at {@code /admin/login} and
 * get a session cookie. A session's unsafe requests need the CSRF token, sent back from the {@code XSRF-TOKEN}
 * cookie in the {@code X-XSRF-TOKEN} header (double submit; see {@link CsrfRequirement}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AdminCredentials.class)
class AdminSecurityConfiguration {

    /**
     * What the routes {@code admin-stream}, {@code admin-api}, {@code admin-dashboard}, {@code admin-restock} and
     * {@code admin-deposit} forward.
     */
    private static final String[] ADMIN_PATHS = {
        "/api/transactions",
        "/api/transactions/**",
        "/admin",
        "/admin/**",
        "/api/products/*/restocks",
        "/api/accounts/*/deposits"
    };

    private static final String DASHBOARD = "/admin/";
    private static final String LOGOUT = "/admin/logout";
    private static final String ROLE = "ADMIN";

    @Bean
    SecurityWebFilterChain adminSecurity(ServerHttpSecurity http, ProblemResponses problems) {
        var loginPage = new AdminLoginPage();
        var entryPoint = new AdminAuthenticationEntryPoint(loginPage, problems);
        return http.securityMatcher(pathMatchers(ADMIN_PATHS))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(AdminLoginPage.PATH)
                        .permitAll()
                        .anyExchange()
                        .hasRole(ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .formLogin(form -> form.loginPage(AdminLoginPage.PATH)
                        .authenticationEntryPoint(entryPoint)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(DASHBOARD))
                        .authenticationFailureHandler((filterExchange, failure) -> loginPage.write(
                                filterExchange.getExchange(),
                                HttpStatus.UNAUTHORIZED,
                                AdminLoginPage.Notice.WRONG_CREDENTIALS)))
                .logout(logout -> logout.logoutUrl(LOGOUT)
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(loggedOut()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        // the plain token, as the cookie holds it: the dashboard's script sends that value back
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new CsrfRequirement())
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "invalid-csrf-token",
                                "A request of a login session needs the CSRF token: the value of the XSRF-TOKEN"
                                        + " cookie in the X-XSRF-TOKEN header. Nothing was forwarded.",
                                Map.of())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                // after a login the dashboard opens, whatever was asked before it
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .addFilterAt(loginPage, SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING)
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one admin, its password kept only encoded. */
    @Bean
    MapReactiveUserDetailsService admins(AdminCredentials credentials, PasswordEncoder encoder) {
        return new MapReactiveUserDetailsService(User.withUsername(credentials.username())
                .password(encoder.encode(credentials.password()))
                .roles(ROLE)
                .build());
    }

    private static CookieServerCsrfTokenRepository csrfTokens() {
        // readable by the dashboard's script, which is the point of the double submit
        var tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    private static RedirectServerLogoutSuccessHandler loggedOut() {
        var handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(AdminLoginPage.PATH + "?logout"));
        return handler;
    }
}
