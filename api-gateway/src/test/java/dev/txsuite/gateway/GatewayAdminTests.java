package dev.txsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The admin routes to the coordinator: only for the admin, by HTTP Basic or the login form's session, with a CSRF
 * token for a session's actions; the coordinator learns who the admin is from X-Admin-User, which nobody else can
 * set. The customers' API stays open as it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayAdminTests {

    private static final RecordingBackend ORDERS = RecordingBackend.start("orders");
    private static final RecordingBackend INVENTORY = RecordingBackend.start("inventory");
    private static final RecordingBackend PAYMENT = RecordingBackend.start("payment");
    private static final RecordingBackend COORDINATOR = RecordingBackend.start("coordinator");

    private static final String ADMIN_USER = "X-Admin-User";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The problem the gateway answers. */
    record Problem(String type, String title, int status, String detail) {}

    /** What a browser holds after logging in. */
    record Session(String id, String csrfToken) {}

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("ORDER_SERVICE_URL", ORDERS::url);
        registry.add("INVENTORY_SERVICE_URL", INVENTORY::url);
        registry.add("PAYMENT_SERVICE_URL", PAYMENT::url);
        registry.add("COORDINATOR_URL", COORDINATOR::url);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Stream.of(ORDERS, INVENTORY, PAYMENT, COORDINATOR).forEach(RecordingBackend::forget);
    }

    @Test
    void shouldAnswerTheAdminApiWithoutCredentials401WithABasicChallengeAndForwardNothing() {
        var problem = client.get()
                .uri("/api/transactions?state=IN_FLIGHT")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"txsuite admin\"")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();
        // an action without credentials is not a CSRF matter: the caller is told to log in
        client.post()
                .uri("/api/transactions/tx-1/abort")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"stuck\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(problem.type()).isEqualTo("https://txsuite.dev/problems/unauthorized");
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.detail()).contains("needs admin credentials");
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldLeaveTheBasicChallengeOutOfTheDashboardsOwn401s() {
        client.get()
                .uri("/api/transactions")
                .header("X-Requested-With", "txsuite-dashboard")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // the dashboard's EventSource cannot send that header
        client.get()
                .uri("/api/transactions/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist(HttpHeaders.WWW_AUTHENTICATE);

        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldForwardAnAdminsBasicRequestNamingTheAdminAndNotThePasswordToTheCoordinator() {
        client.get()
                .uri("/api/transactions?state=IN_DOUBT&limit=5")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .header(ADMIN_USER, "mallory")
                .exchange()
                .expectStatus()
                .isOk()
                .expectCookie()
                .doesNotExist("SESSION")
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo("coordinator");

        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/api/transactions?state=IN_DOUBT&limit=5");
            assertThat(request.headers().get(ADMIN_USER)).containsExactly("admin");
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();
        });
    }

    @Test
    void shouldLetOnlyTheAdminRestockAProductOrDepositMoney() {
        client.post()
                .uri("/api/products/MUG-CERAMIC/restocks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"units\":10}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.post()
                .uri("/api/accounts/alice/deposits")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amountCents\":100}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(INVENTORY.received()).isEmpty();
        assertThat(PAYMENT.received()).isEmpty();

        client.post()
                .uri("/api/products/MUG-CERAMIC/restocks")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"units\":10}")
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/api/accounts/alice/deposits")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amountCents\":100}")
                .exchange()
                .expectStatus()
                .isOk();
        // the catalog and the accounts stay open
        client.get().uri("/api/products/MUG-CERAMIC").exchange().expectStatus().isOk();

        assertThat(INVENTORY.received())
                .extracting(RecordingBackend.Received::uri)
                .containsExactly("/api/products/MUG-CERAMIC/restocks", "/api/products/MUG-CERAMIC");
        assertThat(INVENTORY.received().getFirst().headers().get(ADMIN_USER)).containsExactly("admin");
        assertThat(INVENTORY.received().getFirst().header(HttpHeaders.AUTHORIZATION))
                .isNull();
        assertThat(PAYMENT.received()).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/api/accounts/alice/deposits");
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull();
        });
    }

    @Test
    void shouldRefuseAWrongPasswordWith401() {
        var problem = client.get()
                .uri("/api/transactions")
                .headers(headers -> headers.setBasicAuth("admin", "guess"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();

        assertThat(problem.detail()).containsIgnoringCase("wrong user name or password");
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldForwardAnActionWithBasicCredentialsWithoutACsrfToken() {
        client.post()
                .uri("/api/transactions/tx-1/abort")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"payment is gone\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.uri()).isEqualTo("/api/transactions/tx-1/abort");
            assertThat(request.body()).isEqualTo("{\"note\":\"payment is gone\"}");
            assertThat(request.header(ADMIN_USER)).isEqualTo("admin");
        });
    }

    @Test
    void shouldRefuseABasicActionABrowserSentFromAnotherSite() {
        // a browser that once answered a Basic challenge sends the credentials it remembers with any request
        client.post()
                .uri("/api/transactions/tx-1/retry")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .header("Sec-Fetch-Site", "cross-site")
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldRemoveAnAdminUserHeaderAClientSendsToTheCustomersApi() {
        client.get()
                .uri("/api/orders/42")
                .header(ADMIN_USER, "admin")
                .exchange()
                .expectStatus()
                .isOk();
        client.post()
                .uri("/api/orders")
                .headers(headers -> headers.setBasicAuth("admin", "admin"))
                .header(ADMIN_USER, "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"alice\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(ORDERS.received())
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.header(ADMIN_USER)).isNull());
    }

    @Test
    void shouldLeaveTheCustomersApiOpenWithoutLoginCsrfTokenOrSession() {
        var answer = client.post()
                .uri("/api/orders")
                .cookie("SESSION", "someone-elses")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"alice\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo("orders")
                .returnResult();
        client.get().uri("/api/products").exchange().expectStatus().isOk();
        client.get().uri("/api/accounts/alice").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertThat(answer.getResponseCookies()).isEmpty();
        assertThat(answer.getResponseHeaders().headerNames())
                .as("no security headers added to the services' answers")
                .doesNotContain(HttpHeaders.CACHE_CONTROL, HttpHeaders.WWW_AUTHENTICATE, "X-Frame-Options");
        assertThat(ORDERS.received())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.header(HttpHeaders.COOKIE)).isEqualTo("SESSION=someone-elses"));
        assertThat(INVENTORY.received()).hasSize(1);
        assertThat(PAYMENT.received()).hasSize(1);
    }

    @Test
    void shouldAnswerTheDashboardWithoutALoginWith401AndTheLoginForm() {
        for (var path : Stream.of("/admin/", "/admin", "/admin/app.js").toList()) {
            var page = client.get()
                    .uri(path)
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(page)
                    .as(path)
                    .contains("<form method=\"post\" action=\"/admin/login\">")
                    .contains("<label for=\"username\">", "<label for=\"password\">")
                    .contains("Log in to open the admin dashboard");
        }
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldServeASelfContainedLoginPageWithTheCsrfTokenInItsForm() {
        var page = client.get()
                .uri("/admin/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult();

        var html = page.getResponseBody();
        assertThat(html)
                .contains("<html lang=\"en\">", "<title>", "<h1>")
                .contains("<label for=\"username\">User name</label>", "<input id=\"username\" name=\"username\"")
                .contains("<label for=\"password\">Password</label>", "<input id=\"password\" name=\"password\"")
                .contains("type=\"password\"", "<button type=\"submit\">")
                .doesNotContain("<script", "src=", "href=", "url(", "tabindex");
        var cookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).as("the dashboard's script reads it").isFalse();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(csrfFieldOf(html)).isEqualTo(cookie.getValue());
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldLogInWithTheFormAndServeTheDashboardOnTheSession() {
        var form = loginPage();
        var login = submitLogin(form, "admin")
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/admin/")
                .expectBody()
                .returnResult();

        var session = login.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");

        // the first page of the dashboard, from a browser that has no CSRF cookie yet
        var dashboard = client.get()
                .uri("/admin/")
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo("coordinator")
                .returnResult();

        assertThat(dashboard.getResponseCookies().getFirst("XSRF-TOKEN"))
                .as("the dashboard's first POST needs it")
                .isNotNull()
                .extracting(ResponseCookie::getValue)
                .asString()
                .isNotBlank();
        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/admin/");
            assertThat(request.header(ADMIN_USER)).isEqualTo("admin");
            assertThat(request.header(HttpHeaders.COOKIE))
                    .as("the session stays at the gateway")
                    .isNull();
        });
    }

    @Test
    void shouldShowTheFormAgainWith401ForAWrongPassword() {
        var form = loginPage();
        var answer = submitLogin(form, "admin1")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult();

        assertThat(answer.getResponseBody())
                .contains("wrong user name or password")
                .contains("<form method=\"post\" action=\"/admin/login\">");
        assertThat(answer.getResponseCookies()).doesNotContainKey("SESSION");
    }

    @Test
    void shouldRefuseASessionsActionWithoutTheCsrfTokenAndForwardItWithTheToken() {
        var session = logIn();

        var refused = client.post()
                .uri("/api/transactions/tx-7/resolve")
                .cookie("SESSION", session.id())
                .cookie("XSRF-TOKEN", session.csrfToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"refunded by hand\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Problem.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused.type()).isEqualTo("https://txsuite.dev/problems/invalid-csrf-token");
        assertThat(COORDINATOR.received()).isEmpty();

        client.post()
                .uri("/api/transactions/tx-7/resolve")
                .cookie("SESSION", session.id())
                .cookie("XSRF-TOKEN", session.csrfToken())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .header("X-Requested-With", "txsuite-dashboard")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"refunded by hand\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(COORDINATOR.received()).singleElement().satisfies(request -> {
            assertThat(request.uri()).isEqualTo("/api/transactions/tx-7/resolve");
            assertThat(request.body()).isEqualTo("{\"note\":\"refunded by hand\"}");
            assertThat(request.header(ADMIN_USER)).isEqualTo("admin");
        });
    }

    @Test
    void shouldLogOutAndForgetTheSession() {
        var session = logIn();

        client.post()
                .uri("/admin/logout")
                .cookie("SESSION", session.id())
                .cookie("XSRF-TOKEN", session.csrfToken())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/admin/login?logout");

        client.get()
                .uri("/api/transactions")
                .cookie("SESSION", session.id())
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(COORDINATOR.received()).isEmpty();
    }

    @Test
    void shouldGuardEveryWayOfWritingAnAdminPath() {
        Stream.of(
                        "/api/transactions",
                        "/api/transactions/",
                        "/api/transactions/stats",
                        "/api/transactions/tx-1",
                        "/api/transactions/stream",
                        "/admin",
                        "/admin/",
                        "/admin/style.css")
                .forEach(path -> assertThat(client.get()
                                .uri(path)
                                .exchange()
                                .expectBody()
                                .returnResult()
                                .getStatus())
                        .as(path)
                        .isEqualTo(HttpStatus.UNAUTHORIZED));

        assertThat(COORDINATOR.received()).isEmpty();
    }

    /** The login page as a browser first gets it: its CSRF token, also set as a cookie. */
    private Session loginPage() {
        EntityExchangeResult<String> page = client.get()
                .uri("/admin/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        return new Session(null, csrfFieldOf(page.getResponseBody()));
    }

    private Session logIn() {
        var form = loginPage();
        var login =
                submitLogin(form, "admin").expectStatus().isFound().expectBody().returnResult();
        return new Session(login.getResponseCookies().getFirst("SESSION").getValue(), form.csrfToken());
    }

    /** The login form as a browser posts it, with the CSRF token of the page it came from. */
    private WebTestClient.ResponseSpec submitLogin(Session form, String password) {
        return client.post()
                .uri("/admin/login")
                .cookie("XSRF-TOKEN", form.csrfToken())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "admin")
                        .with("password", password)
                        .with("_csrf", form.csrfToken()))
                .exchange();
    }

    private static String csrfFieldOf(String html) {
        var field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).as("the form's _csrf field").isTrue();
        return field.group(1);
    }
}
