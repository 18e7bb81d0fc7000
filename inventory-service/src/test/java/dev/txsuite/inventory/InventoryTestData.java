package dev.txsuite.inventory;

import dev.txsuite.inventory.stock.TestProducts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The test data builder every test class of the service injects, made once per context. */
@TestConfiguration(proxyBeanMethods = false)
public class InventoryTestData {

    @Bean
    TestProducts testProducts(JdbcClient jdbc) {
        return new TestProducts(jdbc);
    }
}
