package dev.txsuite.gateway.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one admin account: {@code txsuite.admin.username} and {@code txsuite.admin.password} ({@code ADMIN_USERNAME},
 * {@code ADMIN_PASSWORD}; {@code admin}/{@code admin} locally, refused under the prod profile).
 */
@ConfigurationProperties("txsuite.admin")
public record AdminCredentials(String username, String password) {

    public AdminCredentials {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("txsuite.admin.username (ADMIN_USERNAME) must not be blank");
        }
        if (password == null) {
            password = "";
        }
    }

    @Override
    public String toString() {
        // never in a log or a failure message
        return "AdminCredentials[username=" + username + ", password=***]";
    }
}
