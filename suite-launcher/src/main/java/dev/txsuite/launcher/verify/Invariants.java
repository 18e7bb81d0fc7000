package dev.txsuite.launcher.verify;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static java.util.stream.Collectors.toMap;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.DatabaseLogin;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the four databases directly, behind the services' backs, and checks the invariants of DESIGN.md
 * section 7 once the system is quiet: what {@code ./suite verify}, the chaos run and the end-to-end tests rely
 * on. This is the only class that knows table and column names: when a service's schema changes, this is the
 * one place to follow it.
 */
public class Invariants {

    private static final Set<String> FINISHED_TRANSACTION_STATES = Set.of("COMMITTED", "ABORTED", "ENDED");

    private final DatabaseLogin orders;
    private final DatabaseLogin inventory;
    private final DatabaseLogin payments;
    private final DatabaseLogin coordinator;

    /** @param databases the login of each service's database */
    public Invariants(Map<SuiteService, DatabaseLogin> databases) {
        this.orders = login(databases, SuiteService.ORDER);
        this.inventory = login(databases, SuiteService.INVENTORY);
        this.payments = login(databases, SuiteService.PAYMENT);
        this.coordinator = login(databases, SuiteService.COORDINATOR);
    }

    private static DatabaseLogin login(Map<SuiteService, DatabaseLogin> databases, SuiteService service) {
        var login = databases.get(service);
        if (login == null) {
            throw new IllegalArgumentException("no database login for " + service);
        }
        return login;
    }

    /**
     * What must stay constant: per sku the units on hand plus those sold in confirmed orders, less those an operator
     * restocked; per customer the balance plus the money captured, less what an operator deposited.
     */
    public record Snapshot(Map<String, Long> unitsBySku, Map<String, Long> centsByCustomer) {

        public Snapshot {
            unitsBySku = Map.copyOf(unitsBySku);
            centsByCustomer = Map.copyOf(centsByCustomer);
        }

        public long totalCents() {
            return centsByCustomer.values().stream().mapToLong(Long::longValue).sum();
        }

        public Snapshot withUnits(String sku, long units) {
            var changed = new HashMap<>(unitsBySku);
            changed.put(sku, units);
            return new Snapshot(changed, centsByCustomer);
        }
    }

    public Snapshot snapshot() {
        var observed = observe();
        return new Snapshot(observed.unitsBySku(), observed.centsByCustomer());
    }

    /**
     * Sets a product's stock behind the inventory service's back (test set-up) and returns the snapshot that
     * the stock invariant must now be checked against. Call it only while nothing is reserved for the sku.
     */
    public Snapshot setOnHand(Snapshot before, String sku, long onHand) {
        var updated = update(inventory, "UPDATE product SET on_hand = ? WHERE sku = ?", onHand, sku);
        if (updated != 1) {
            throw new IllegalStateException("no product " + sku + " in the inventory database");
        }
        var observed = observe();
        var sold = observed.confirmedUnitsBySku().getOrDefault(sku, 0L);
        return before.withUnits(sku, onHand + sold - observed.restockedUnits().getOrDefault(sku, 0L));
    }

    public long onHand(String sku) {
        return single(inventory, "SELECT on_hand FROM product WHERE sku = ?", sku);
    }

    public long reserved(String sku) {
        return single(inventory, "SELECT reserved FROM product WHERE sku = ?", sku);
    }

    public long balance(String customerId) {
        return single(payments, "SELECT balance_cents FROM account WHERE customer_id = ?", customerId);
    }

    public long held(String customerId) {
        return single(payments, "SELECT held_cents FROM account WHERE customer_id = ?", customerId);
    }

    public long orderCount() {
        return single(orders, "SELECT count(*) FROM orders");
    }

    public Optional<String> orderStatus(String orderId) {
        return query(orders, "SELECT status FROM orders WHERE order_id::text = ?", row -> row.getString(1), orderId)
                .stream()
                .findFirst();
    }

    public Optional<String> transactionIdOfOrder(String orderId) {
        return query(orders, "SELECT tx_id FROM orders WHERE order_id::text = ?", row -> row.getString(1), orderId)
                .stream()
                .findFirst();
    }

    /** Every order's status, by order id. */
    public Map<String, String> orderStatuses() {
        var statuses = new HashMap<String, String>();
        query(orders, "SELECT order_id::text, status FROM orders", row -> Map.entry(row.getString(1), row.getString(2)))
                .forEach(entry -> statuses.put(entry.getKey(), entry.getValue()));
        return statuses;
    }

    /** Where each participant's branch of the transaction stands in its own participant log. */
    public Map<String, String> branchStates(String txId) {
        var states = new TreeMap<String, String>();
        Map.of("order", orders, "inventory", inventory, "payment", payments)
                .forEach((participant, database) -> query(
                                database,
                                "SELECT state FROM participant_log WHERE tx_id = ?",
                                row -> row.getString(1),
                                txId)
                        .forEach(state -> states.put(participant, state)));
        return states;
    }

    /** The transactions some participant holds in doubt (PREPARED or PRE_COMMITTED) right now. */
    public int inDoubtTransactions() {
        var txIds = new TreeSet<String>();
        for (var database : List.of(orders, inventory, payments)) {
            txIds.addAll(query(
                    database,
                    "SELECT tx_id FROM participant_log WHERE state IN ('PREPARED', 'PRE_COMMITTED')",
                    row -> row.getString(1)));
        }
        return txIds.size();
    }

    /** The longest time any finished transaction took from its start to its end at the coordinator. */
    public Duration longestResolution() {
        return Duration.ofMillis(single(
                coordinator,
                "SELECT coalesce(max(extract(epoch FROM ended_at - created_at) * 1000), 0)::bigint FROM transactions"));
    }

    public long transactionCount() {
        return single(coordinator, "SELECT count(*) FROM transactions");
    }

    public long transactionCount(String txId) {
        return single(coordinator, "SELECT count(*) FROM transactions WHERE tx_id::text = ?", txId);
    }

    /** What is still under way: orders waiting for their outcome, transactions the coordinator has not finished. */
    public record InFlight(long pendingOrders, long openTransactions) {

        public boolean none() {
            return pendingOrders == 0 && openTransactions == 0;
        }
    }

    /** Counts what {@link #isQuiet()} looks at, without reading every row. */
    public InFlight inFlight() {
        return new InFlight(
                single(orders, "SELECT count(*) FROM orders WHERE status = 'PENDING'"),
                single(
                        coordinator,
                        "SELECT count(*) FROM transactions WHERE state NOT IN ('"
                                + String.join("', '", FINISHED_TRANSACTION_STATES) + "')"));
    }

    /** No order waits for an outcome and the coordinator has finished every transaction. */
    public boolean isQuiet() {
        var observed = observe();
        return observed.orders().stream().noneMatch(order -> "PENDING".equals(order.status()))
                && observed.transactions().stream().allMatch(Transaction::finished);
    }

    /** @throws AssertionError listing every violated invariant, with what and by how much */
    public void assertInvariantsSince(Snapshot start) {
        var violations = violationsSince(start);
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    violations.size() + " invariant(s) violated:\n  - " + String.join("\n  - ", violations));
        }
    }

    /** Every violated invariant since the snapshot, with what and by how much; empty when all hold. */
    public List<String> violationsSince(Snapshot start) {
        var observed = observe();
        var violations = new ArrayList<String>();
        checkStock(start, observed, violations);
        checkMoney(start, observed, violations);
        checkOrders(observed, violations);
        checkAtomicity(observed, violations);
        return violations;
    }

    private static void checkStock(Snapshot start, Observed observed, List<String> violations) {
        var units = observed.unitsBySku();
        for (var sku : union(start.unitsBySku().keySet(), units.keySet())) {
            var before = start.unitsBySku().get(sku);
            var now = units.get(sku);
            if (!Objects.equals(before, now)) {
                violations.add("stock of " + sku + ": initial on_hand " + before + " but on_hand + units in confirmed"
                        + " orders - units restocked is " + now + " (difference " + difference(now, before) + ")");
            }
        }
        for (var product : observed.products()) {
            if (product.reserved() != 0) {
                violations.add("stock of " + product.sku() + ": " + product.reserved()
                        + " units still reserved although no transaction is open");
            }
            if (product.onHand() < 0) {
                violations.add("stock of " + product.sku() + ": on_hand is negative (" + product.onHand() + ")");
            }
        }
        observed.reservations().stream()
                .filter(reservation -> "RESERVED".equals(reservation.state()))
                .forEach(reservation -> violations.add("reservation of " + reservation.quantity() + " x "
                        + reservation.sku() + " for order " + reservation.orderId() + " (tx " + reservation.txId()
                        + ") still RESERVED"));
    }

    private static void checkMoney(Snapshot start, Observed observed, List<String> violations) {
        var cents = observed.centsByCustomer();
        for (var customer : union(start.centsByCustomer().keySet(), cents.keySet())) {
            var before = start.centsByCustomer().get(customer);
            var now = cents.get(customer);
            if (!Objects.equals(before, now)) {
                violations.add("money of " + customer + ": initial balance " + before + " but balance + captured"
                        + " - deposited is " + now + " (difference " + difference(now, before) + " cents)");
            }
        }
        var total = cents.values().stream().mapToLong(Long::longValue).sum();
        if (total != start.totalCents()) {
            violations.add("money overall: sum of balances plus captured less deposited was " + start.totalCents()
                    + ", now " + total + " (difference " + (total - start.totalCents()) + " cents)");
        }
        for (var account : observed.accounts()) {
            if (account.heldCents() != 0) {
                violations.add("money of " + account.customerId() + ": " + account.heldCents()
                        + " cents still held although no transaction is open");
            }
        }
        observed.holds().stream()
                .filter(hold -> "HELD".equals(hold.state()))
                .forEach(hold -> violations.add("hold of " + hold.amountCents() + " cents on " + hold.customerId()
                        + " for order " + hold.orderId() + " (tx " + hold.txId() + ") still HELD"));
    }

    private static void checkOrders(Observed observed, List<String> violations) {
        var ordersById = observed.orders().stream().collect(toMap(Order::orderId, order -> order));
        var linesByOrder = observed.lines().stream().collect(groupingBy(Line::orderId));
        var reservationsByOrder = observed.reservations().stream().collect(groupingBy(Reservation::orderId));
        var holdsByOrder = observed.holds().stream().collect(groupingBy(Hold::orderId));
        for (var order : observed.orders()) {
            var reservations = reservationsByOrder.getOrDefault(order.orderId(), List.of());
            var holds = holdsByOrder.getOrDefault(order.orderId(), List.of());
            switch (order.status()) {
                case "PENDING" -> violations.add("order " + order.orderId() + " is still PENDING");
                case "CONFIRMED" -> {
                    var ordered = linesByOrder.getOrDefault(order.orderId(), List.of()).stream()
                            .collect(groupingBy(Line::sku, TreeMap::new, summingLong(Line::quantity)));
                    var taken = reservations.stream()
                            .filter(reservation -> "TAKEN".equals(reservation.state()))
                            .collect(groupingBy(Reservation::sku, TreeMap::new, summingLong(Reservation::quantity)));
                    if (!ordered.equals(taken)) {
                        violations.add("CONFIRMED order " + order.orderId() + " has lines " + ordered
                                + " but TAKEN reservations " + taken);
                    }
                    var captured = holds.stream()
                            .filter(hold -> "CAPTURED".equals(hold.state()))
                            .toList();
                    if (captured.size() != 1) {
                        violations.add("CONFIRMED order " + order.orderId() + " has " + captured.size()
                                + " CAPTURED holds, expected exactly one");
                    } else if (captured.getFirst().amountCents() != order.totalCents()) {
                        violations.add("CONFIRMED order " + order.orderId() + " totals " + order.totalCents()
                                + " cents but its captured hold is "
                                + captured.getFirst().amountCents()
                                + " (difference " + (captured.getFirst().amountCents() - order.totalCents()) + ")");
                    }
                }
                case "REJECTED" -> {
                    reservations.stream()
                            .filter(reservation -> "TAKEN".equals(reservation.state()))
                            .forEach(reservation -> violations.add("REJECTED order " + order.orderId() + " has "
                                    + reservation.quantity() + " x " + reservation.sku() + " TAKEN"));
                    holds.stream()
                            .filter(hold -> "CAPTURED".equals(hold.state()))
                            .forEach(hold -> violations.add("REJECTED order " + order.orderId() + " has "
                                    + hold.amountCents() + " cents CAPTURED"));
                }
                default -> violations.add("order " + order.orderId() + " has an unknown status " + order.status());
            }
        }
        observed.reservations().stream()
                .filter(reservation -> "TAKEN".equals(reservation.state()))
                .filter(reservation -> !isConfirmed(ordersById.get(reservation.orderId())))
                .forEach(reservation -> violations.add(reservation.quantity() + " x " + reservation.sku()
                        + " TAKEN for order " + reservation.orderId() + " which is not a CONFIRMED order"));
        observed.holds().stream()
                .filter(hold -> "CAPTURED".equals(hold.state()))
                .filter(hold -> !isConfirmed(ordersById.get(hold.orderId())))
                .forEach(hold -> violations.add(hold.amountCents() + " cents CAPTURED from " + hold.customerId()
                        + " for order " + hold.orderId() + " which is not a CONFIRMED order"));
    }

    private static void checkAtomicity(Observed observed, List<String> violations) {
        var branchesByTx = observed.participantLog().stream()
                .collect(groupingBy(LogEntry::txId, TreeMap::new, toMap(LogEntry::participant, LogEntry::state)));
        var transactionsById =
                observed.transactions().stream().collect(toMap(Transaction::txId, transaction -> transaction));
        for (var txId : union(branchesByTx.keySet(), transactionsById.keySet())) {
            var branches = branchesByTx.getOrDefault(txId, Map.of());
            var transaction = transactionsById.get(txId);
            if (branches.containsValue("COMMITTED") && branches.containsValue("ABORTED")) {
                violations.add("transaction " + txId + " committed in some participants and aborted in others: "
                        + new TreeMap<>(branches));
            }
            branches.forEach((participant, state) -> {
                if ("PREPARED".equals(state) || "PRE_COMMITTED".equals(state)) {
                    violations.add("transaction " + txId + " is still " + state + " (in doubt) at " + participant);
                }
            });
            if (transaction == null) {
                // presumed abort: what the coordinator never recorded cannot have committed
                if (branches.containsValue("COMMITTED")) {
                    violations.add("transaction " + txId + " is unknown to the coordinator but committed at "
                            + new TreeMap<>(branches));
                }
            } else if (transaction.committed()) {
                for (var participant : List.of("order", "inventory", "payment")) {
                    if (!"COMMITTED".equals(branches.get(participant))) {
                        violations.add("transaction " + txId + " was decided COMMIT but " + participant + " is "
                                + branches.getOrDefault(participant, "without a log entry"));
                    }
                }
            } else if (branches.containsValue("COMMITTED")) {
                violations.add("transaction " + txId + " was decided " + transaction.decision() + " (state "
                        + transaction.state() + ") but committed at " + new TreeMap<>(branches));
            }
        }
    }

    private static boolean isConfirmed(Order order) {
        return order != null && "CONFIRMED".equals(order.status());
    }

    private Observed observe() {
        return new Observed(
                query(
                        inventory,
                        "SELECT sku, on_hand, reserved FROM product",
                        row -> new Product(row.getString("sku"), row.getLong("on_hand"), row.getLong("reserved"))),
                amounts(inventory, "SELECT sku, sum(units) FROM restock GROUP BY sku"),
                query(
                        inventory,
                        "SELECT tx_id::text, sku, order_id::text, quantity, state FROM reservation",
                        row -> new Reservation(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getLong(4),
                                row.getString(5))),
                query(
                        payments,
                        "SELECT customer_id, balance_cents, held_cents FROM account",
                        row -> new Account(row.getString(1), row.getLong(2), row.getLong(3))),
                amounts(payments, "SELECT customer_id, sum(amount_cents) FROM deposit GROUP BY customer_id"),
                query(
                        payments,
                        "SELECT tx_id::text, order_id::text, customer_id, amount_cents, state FROM payment_hold",
                        row -> new Hold(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getLong(4),
                                row.getString(5))),
                query(
                        orders,
                        "SELECT order_id::text, tx_id::text, customer_id, status, total_cents FROM orders",
                        row -> new Order(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getLong(5))),
                query(
                        orders,
                        "SELECT order_id::text, sku, quantity FROM order_line",
                        row -> new Line(row.getString(1), row.getString(2), row.getLong(3))),
                participantLog(),
                query(
                        coordinator,
                        "SELECT tx_id::text, state, decision FROM transactions",
                        row -> new Transaction(row.getString(1), row.getString(2), row.getString(3))));
    }

    private List<LogEntry> participantLog() {
        var entries = new ArrayList<LogEntry>();
        for (var participant : Map.of("order", orders, "inventory", inventory, "payment", payments)
                .entrySet()) {
            entries.addAll(query(
                    participant.getValue(),
                    "SELECT tx_id::text, state FROM participant_log",
                    row -> new LogEntry(participant.getKey(), row.getString(1), row.getString(2))));
        }
        return entries;
    }

    private record Observed(
            List<Product> products,
            Map<String, Long> restockedUnits,
            List<Reservation> reservations,
            List<Account> accounts,
            Map<String, Long> depositedCents,
            List<Hold> holds,
            List<Order> orders,
            List<Line> lines,
            List<LogEntry> participantLog,
            List<Transaction> transactions) {

        Map<String, Long> confirmedUnitsBySku() {
            var confirmed = orders.stream()
                    .filter(Invariants::isConfirmed)
                    .map(Order::orderId)
                    .toList();
            return lines.stream()
                    .filter(line -> confirmed.contains(line.orderId()))
                    .collect(groupingBy(Line::sku, summingLong(Line::quantity)));
        }

        Map<String, Long> unitsBySku() {
            var sold = confirmedUnitsBySku();
            return products.stream()
                    .collect(toMap(
                            Product::sku,
                            product -> product.onHand()
                                    + sold.getOrDefault(product.sku(), 0L)
                                    - restockedUnits.getOrDefault(product.sku(), 0L)));
        }

        Map<String, Long> centsByCustomer() {
            var captured = holds.stream()
                    .filter(hold -> "CAPTURED".equals(hold.state()))
                    .collect(groupingBy(Hold::customerId, summingLong(Hold::amountCents)));
            return accounts.stream()
                    .collect(toMap(
                            Account::customerId,
                            account -> account.balanceCents()
                                    + captured.getOrDefault(account.customerId(), 0L)
                                    - depositedCents.getOrDefault(account.customerId(), 0L)));
        }
    }

    private record Product(String sku, long onHand, long reserved) {}

    private record Reservation(String txId, String sku, String orderId, long quantity, String state) {}

    private record Account(String customerId, long balanceCents, long heldCents) {}

    private record Hold(String txId, String orderId, String customerId, long amountCents, String state) {}

    private record Order(String orderId, String txId, String customerId, String status, long totalCents) {}

    private record Line(String orderId, String sku, long quantity) {}

    private record LogEntry(String participant, String txId, String state) {}

    private record Transaction(String txId, String state, String decision) {

        boolean finished() {
            return FINISHED_TRANSACTION_STATES.contains(state);
        }

        boolean committed() {
            return "COMMIT".equals(decision) || "COMMITTED".equals(state);
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(DatabaseLogin database, String sql, RowReader<T> reader, Object... parameters) {
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<T>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read " + database.jdbcUrl() + " with '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** A query of two columns, a key and a sum, as a map. */
    private static Map<String, Long> amounts(DatabaseLogin database, String sql) {
        var amounts = new HashMap<String, Long>();
        query(database, sql, row -> Map.entry(row.getString(1), row.getLong(2)))
                .forEach(entry -> amounts.put(entry.getKey(), entry.getValue()));
        return amounts;
    }

    private static long single(DatabaseLogin database, String sql, Object... parameters) {
        var values = query(database, sql, row -> row.getLong(1), parameters);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row from " + database.jdbcUrl() + " for '" + sql + "' "
                    + List.of(parameters) + ", got " + values.size());
        }
        return values.getFirst();
    }

    private static int update(DatabaseLogin database, String sql, Object... parameters) {
        try (var connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot update " + database.jdbcUrl() + " with '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        var all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    private static String difference(Long now, Long before) {
        return now == null || before == null ? "n/a" : String.valueOf(now - before);
    }
}
