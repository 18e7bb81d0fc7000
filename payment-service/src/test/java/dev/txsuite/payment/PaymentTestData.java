package dev.txsuite.payment;

import dev.txsuite.payment.account.TestAccounts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test data builder every test class of the service injects, made once per context. */
@TestConfiguration(proxyBeanMethods = false)
public class PaymentTestData {

    @Bean
    TestAccounts testAccounts(JdbcClient jdbc) {
        return new TestAccounts(jdbc);
    }
}
