package dev.txsuite.order.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services order-service calls ({@code txsuite.services.*}), each with its own timeouts. The retries, circuit
 * breakers and bulkheads of the same targets are Resilience4j instances of the same names in application.yml.
 */
@ConfigurationProperties("txsuite.services")
public record RemoteServices(Target inventory, Target payment, Target coordinator) {

    public RemoteServices {
        require("inventory", inventory);
        require("payment", payment);
        require("coordinator", coordinator);
    }

    /**
     * @param url the service's base URL
     * @param connectTimeout how long opening a connection may take
     * @param readTimeout how long the answer may take once the request is sent
     */
    public record Target(URI url, Duration connectTimeout, Duration readTimeout) {}

    private static void require(String name, Target target) {
        if (target == null || target.url() == null || target.connectTimeout() == null || target.readTimeout() == null) {
            throw new IllegalArgumentException(
                    "txsuite.services." + name + " needs url, connect-timeout and read-timeout; was " + target);
        }
    }
}
