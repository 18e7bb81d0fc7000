package dev.txsuite.baseline;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The test data builder and the order client every test class injects, made once per context. */
@TestConfiguration(proxyBeanMethods = false)
public class BaselineTestData {

    @Bean
    TestShop testShop(JdbcClient jdbc) {
        return new TestShop(jdbc);
    }

    @Bean
    OrderClient orderClient(RestTestClient client) {
        return new OrderClient(client);
    }
}
