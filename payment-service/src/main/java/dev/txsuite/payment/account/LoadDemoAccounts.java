package dev.txsuite.payment.account;

import dev.txsuite.contract.account.DemoCustomer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Fills an empty ledger with the {@link DemoCustomer}s. Off with DEMO_DATA=false. */
@Component
@ConditionalOnBooleanProperty(name = "txsuite.demo-data.enabled", matchIfMissing = true)
class LoadDemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoAccounts.class);

    private final AccountRepository accounts;

    LoadDemoAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    static List<Account> demoAccounts() {
        return DemoCustomer.LEDGER.stream()
                .map(demo -> new Account(demo.customerId(), demo.name(), demo.currency(), demo.balanceCents()))
                .toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            var loaded = accounts.saveAll(demoAccounts());
            log.info("loaded {} demo accounts", loaded.size());
        }
    }
}
