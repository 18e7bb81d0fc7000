package dev.txsuite.baseline.account;

import dev.txsuite.contract.account.DemoCustomer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty ledger with the {@link DemoCustomer}s, as payment-service does, so that the README's curl and
 * the load tests run unchanged against the baseline. Off with DEMO_DATA=false.
 */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoAccounts.class);

    static List<Account> demoAccounts() {
        return DemoCustomer.LEDGER.stream()
                .map(demo -> new Account(demo.customerId(), demo.name(), demo.currency(), demo.balanceCents(), 0))
                .toList();
    }

    private final Accounts accounts;

    LoadDemoAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            var demo = demoAccounts();
            demo.forEach(accounts::add);
            log.info("loaded {} demo accounts", demo.size());
        }
    }
}
