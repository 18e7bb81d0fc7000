package dev.txsuite.endtoend;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.txsuite.launcher.SuiteService;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The admin dashboard as an operator uses it, in a real Chromium, through the gateway, against the five real
 * services: logs in, watches a transaction that a participant holds (fault injection delays payment's PREPARE)
 * appear in the in-flight list without reloading, opens it, aborts it through the confirmation dialog and sees
 * it end ABORTED, with the order rejected and nothing held in the databases; then tries to abort a committed
 * transaction and reads in the page why that is refused. Screenshots of each step go to
 * {@code target/screenshots/}. The methods run in order on one suite and one browser page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminDashboardIT extends SuiteTest {

    /**
     * Payment sits on the PREPARE this long before it votes: far longer than the test needs to abort, so the
     * transaction is in flight while the operator looks at it.
     */
    private static final long PAYMENT_HOLDS_PREPARE_MILLIS = 45_000;

    /**
     * Fault injection on, and a held PREPARE that stays a pending vote: the coordinator waits for the answer and
     * the vote deadline is later than the hold, so nothing but the operator ends the transaction.
     */
    private static final Map<String, String> FAULTS_AND_A_PATIENT_COORDINATOR = Map.of(
            "TXSUITE_FAULTS_ENABLED", "true",
            "COORDINATOR_READ_TIMEOUT", "90s",
            "TXSUITE_ORDERS_VOTETIMEOUT", "90s",
            "TXSUITE_ORDERS_REQUESTDEADLINE", "100s",
            // the held PREPARE is still sleeping when the suite stops: do not wait for it
            "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "2s");

    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);
    private static final String SKU = "COFFEE-BEANS-1KG";

    private OperatorBrowser browser;
    private Page page;
    private String heldTxId;
    private String heldOrderId;
    private String committedTxId;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @Override
    EndToEndSuite startSuite() {
        // before five services take a minute to start: a missing browser fails at once, saying how to install it
        OperatorBrowser.requireChromium();
        return EndToEndSuite.start(FAULTS_AND_A_PATIENT_COORDINATOR);
    }

    @BeforeAll
    void openTheBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(SETTLES_WITHIN.toMillis());
        browser = OperatorBrowser.open(gateway.uri());
        page = browser.page();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldAskForTheAdminLoginThenShowTheLiveDashboard() {
        page.navigate(gateway.uri().resolve("/admin/").toString());

        var password = page.getByLabel("Password");
        assertThat(password).isVisible();
        page.getByLabel("User name").fill("admin");
        password.fill("admin");
        password.press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/admin/(#.*)?$"));
        assertThat(page.getByTestId("live-indicator")).hasText("live");
        assertThat(page.getByTestId("in-flight")).isVisible();
        assertThat(inFlightRows()).hasCount(0);
        assertThat(page.getByTestId("stats-all")).isVisible();
    }

    @Test
    @Order(2)
    void shouldShowFinishedTransactionsWithTheirOutcomeAndReasonAndTheLastMinutesFigures() {
        page.evaluate("() => { window.loadedOnce = true; }");

        var confirmed = gateway.placeOrder(OrderRequest.of("carol", 1, "MUG-CERAMIC"));
        var rejected = gateway.placeOrder(OrderRequest.of("alice", 3, "DRIPPER-LIMITED"));

        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(201);
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(409);
        var committedRow = finishedRow(confirmed.text("transactionId"));
        assertThat(committedRow.getByTestId("row-state")).hasText("COMMITTED");
        assertThat(committedRow).containsText(confirmed.text("orderId").substring(0, 8));
        var abortedRow = finishedRow(rejected.text("transactionId"));
        assertThat(abortedRow.getByTestId("row-state")).hasText("ABORTED");
        assertThat(abortedRow).containsText("OUT_OF_STOCK");
        assertThat(abortedRow.getByTestId("branch-inventory")).containsText("NO");
        // the figures come every 2 s on the stream
        assertThat(page.getByTestId("stats-all").locator("td").first()).hasText("2");
        assertThat(page.getByTestId("stats-2PC")).containsText("50.0 %");
        assertThat(page.evaluate("() => window.loadedOnce === true"))
                .as("the rows came through the event stream: the page was never reloaded")
                .isEqualTo(true);
    }

    @Test
    @Order(3)
    void shouldShowAHeldTransactionInFlightAsItHappensWithoutReloading() {
        arm(SuiteService.PAYMENT, """
                {"delayMillis":{"prepare":%d}}""".formatted(PAYMENT_HOLDS_PREPARE_MILLIS));

        // it will not be answered before the operator acts: the answer is not awaited
        gateway.placeOrderAsync(OrderRequest.of("alice", 1, SKU), null);

        assertThat(inFlightRows()).hasCount(1);
        var row = inFlightRows().first();
        heldTxId = row.getAttribute("data-testid").substring("tx-row-".length());
        assertThat(row.getByTestId("row-state")).hasText("PREPARING");
        assertThat(row).containsText("2PC");
        assertThat(row.getByTestId("branch-payment")).containsText("no vote yet");
        assertThat(row.getByTestId("branch-inventory")).containsText("YES");
        assertThat(page.evaluate("() => window.loadedOnce === true"))
                .as("the row came through the event stream: the page was never reloaded")
                .isEqualTo(true);
        assertThat(page.getByTestId("stat-in-flight")).hasText("1");
        browser.screenshot("list");

        var held = gateway.getAsAdmin("/api/transactions/" + heldTxId);
        assertThat(held.status()).as("%s", held).isEqualTo(200);
        heldOrderId = held.text("orderId");
        assertThat(heldOrderId).as("orderId of %s", held).isNotBlank();
        assertThat(databases.transactionIdOfOrder(heldOrderId)).contains(heldTxId);
        assertThat(databases.reserved(SKU)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void shouldAbortTheHeldTransactionFromItsDetailPageAndReleaseWhatItHeld() {
        var onHand = databases.onHand(SKU);
        var balance = databases.balance("alice");
        inFlightRows().first().getByTestId("tx-link").click();

        assertThat(page).hasURL(Pattern.compile(".*#/tx/" + heldTxId + "$"));
        assertThat(page.getByTestId("tx-state")).hasText("PREPARING");
        assertThat(page.getByTestId("tx-order")).hasText(heldOrderId);
        assertThat(page.getByTestId("timeline").getByTestId("timeline-begun")).isVisible();
        assertThat(page.getByTestId("timeline").getByTestId("timeline-vote-received"))
                .hasCount(2);
        browser.screenshot("detail");

        var abort = page.getByTestId("action-abort");
        var dialog = page.getByTestId("confirm-dialog");
        abort.click();
        assertThat(dialog).isVisible();
        assertThat(page.getByTestId("confirm-note")).isFocused();
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(abort).isFocused();
        assertThat(page.getByTestId("tx-state")).hasText("PREPARING");

        abort.press("Enter");
        assertThat(dialog).isVisible();
        page.getByTestId("confirm-note").fill("payment holds the PREPARE; the customer is waiting");
        page.getByTestId("confirm-action").click();

        assertThat(dialog).isHidden();
        assertThat(page.getByTestId("tx-state")).hasText("ABORTED");
        assertThat(page.getByTestId("action-error")).isHidden();
        assertThat(page.getByTestId("timeline").getByTestId("timeline-operator-action"))
                .isVisible();
        assertThat(page.getByTestId("timeline").getByTestId("timeline-decided")).containsText("ABORT");
        browser.screenshot("aborted");

        var aborted = gateway.getAsAdmin("/api/transactions/" + heldTxId);
        assertThat(aborted.text("state")).as("%s", aborted).isEqualTo("ABORTED");
        assertThat(aborted.text("decision")).isEqualTo("ABORT");
        assertThat(aborted.text("reason")).isEqualTo("OPERATOR_ABORT");
        assertThat(operatorActions(heldTxId)).containsExactly("abort by admin: ACCEPTED");
        await("the order rejected and its stock and money released")
                .atMost(SETTLES_WITHIN)
                .untilAsserted(() -> {
                    assertThat(databases.orderStatus(heldOrderId)).contains("REJECTED");
                    assertThat(databases.reserved(SKU)).isZero();
                    assertThat(databases.held("alice")).isZero();
                });
        assertThat(databases.onHand(SKU)).isEqualTo(onHand);
        assertThat(databases.balance("alice")).isEqualTo(balance);
        assertThat(gateway.get("/api/orders/" + heldOrderId).text("status")).isEqualTo("REJECTED");
    }

    @Test
    @Order(5)
    void shouldShowWhyAbortingACommittedTransactionIsRefused() {
        arm(SuiteService.PAYMENT, "{}");
        var placed = gateway.placeOrder(OrderRequest.of("bob", 1, "FILTER-PAPERS"));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        committedTxId = placed.text("transactionId");

        page.getByText("All transactions").click();
        page.getByTestId("search").fill(placed.text("orderId"));
        var finished = finishedRow(committedTxId);
        assertThat(finished.getByTestId("row-state")).hasText("COMMITTED");
        assertThat(page.getByTestId("finished-rows").locator("tr")).hasCount(1);
        finished.getByTestId("tx-link").click();
        assertThat(page.getByTestId("tx-state")).hasText("COMMITTED");

        page.getByTestId("action-abort").click();
        page.getByTestId("confirm-action").click();

        var refusal = page.getByTestId("action-error");
        assertThat(refusal).isVisible();
        assertThat(refusal).hasAttribute("role", "alert");
        assertThat(refusal).containsText("refused");
        assertThat(refusal).containsText("COMMIT");
        assertThat(page.getByTestId("tx-state")).hasText("COMMITTED");
        browser.screenshot("refused");

        assertThat(operatorActions(committedTxId)).containsExactly("abort by admin: REFUSED");
        assertThat(databases.orderStatus(placed.text("orderId"))).contains("CONFIRMED");
        assertThat(gateway.getAsAdmin("/api/transactions/" + committedTxId).text("state"))
                .isEqualTo("COMMITTED");
    }

    @Test
    @Order(6)
    void shouldLogOutAndAskForTheLoginAgain() {
        page.getByTestId("logout").click();

        assertThat(page.getByLabel("Password")).isVisible();
        page.navigate(gateway.uri().resolve("/admin/").toString());
        assertThat(page.getByLabel("Password")).isVisible();
        assertThat(page.getByTestId("live-indicator")).hasCount(0);
    }

    @Test
    @Order(7)
    void shouldHaveLoadedNothingFromTheInternetAndRunWithoutScriptErrors() {
        assertThat(browser.foreignRequests()).isEmpty();
        assertThat(browser.pageErrors()).isEmpty();
    }

    private Locator inFlightRows() {
        return page.getByTestId("in-flight-rows").locator("tr");
    }

    private Locator finishedRow(String txId) {
        return page.getByTestId("finished-rows").getByTestId("tx-row-" + txId);
    }

    private void arm(SuiteService service, String plan) {
        var armed = gateway.put(suite.uriOf(service).resolve("/tx/faults").toString(), plan);
        assertThat(armed.status())
                .as("arming %s on %s: %s", plan, service, armed)
                .isEqualTo(200);
    }

    /** The coordinator's record of operator actions on one transaction: "action by operator: outcome". */
    private List<String> operatorActions(String txId) {
        var database = suite.database(SuiteService.COORDINATOR);
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var query = connection.prepareStatement(
                        "select action, operator, outcome from operator_actions where tx_id = ? order by at, id")) {
            query.setString(1, txId);
            var actions = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString("action").toLowerCase() + " by " + rows.getString("operator") + ": "
                            + rows.getString("outcome"));
                }
            }
            return actions;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read operator_actions of " + txId, e);
        }
    }
}
