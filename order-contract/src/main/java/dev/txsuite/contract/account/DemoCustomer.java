package dev.txsuite.contract.account;

import java.util.List;

/**
 * A customer an empty ledger is filled with (unless DEMO_DATA=false): the ones the README's first curl and the
 * load tests order for, the same at payment-service and at the baseline.
 */
public record DemoCustomer(String customerId, String name, String currency, long balanceCents) {

    public static final List<DemoCustomer> LEDGER = List.of(
            new DemoCustomer("alice", "Alice Martin", "USD", 100000),
            new DemoCustomer("bob", "Bob Chen", "USD", 25000),
            new DemoCustomer("carol", "Carol Diaz", "USD", 5000),
            new DemoCustomer("dave", "Dave Okafor", "USD", 500),
            new DemoCustomer("erin", "Erin Novak", "USD", 1000000));
}
