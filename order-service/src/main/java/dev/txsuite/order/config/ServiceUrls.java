package dev.txsuite.order.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other services answer, and how long a look-up may take.
 *
 * @param connectTimeout for every call to another service
 * @param lookupTimeout how long a product or account look-up may take to answer
 */
@ConfigurationProperties("txsuite.services")
public record ServiceUrls(
        URI inventory,
        URI payment,
        URI coordinator,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("2s") Duration lookupTimeout) {}
