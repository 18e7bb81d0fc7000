package dev.txsuite.payment.account;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Fills an empty ledger with the customers the README's first curl uses. Off with DEMO_DATA=false. */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoAccounts.class);

    private final AccountRepository accounts;

    LoadDemoAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    static List<Account> demoAccounts() {
        return List.of(
                new Account("alice", "Alice Martin", "USD", 100000),
                new Account("bob", "Bob Chen", "USD", 25000),
                new Account("carol", "Carol Diaz", "USD", 5000),
                new Account("dave", "Dave Okafor", "USD", 500),
                new Account("erin", "Erin Novak", "USD", 1000000));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            var loaded = accounts.saveAll(demoAccounts());
            log.info("loaded {} demo accounts", loaded.size());
        }
    }
}
