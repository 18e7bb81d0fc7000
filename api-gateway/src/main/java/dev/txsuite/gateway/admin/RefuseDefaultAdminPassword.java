package dev.txsuite.gateway.admin;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stops a production gateway from starting with the local default password (or none): anyone who reads the
 * README could otherwise abort transactions through it.
 */
@Component
@Profile("prod")
class RefuseDefaultAdminPassword {

    static final String DEFAULT_PASSWORD = "admin";

    RefuseDefaultAdminPassword(AdminCredentials credentials) {
        var password = credentials.password();
        if (password.isBlank() || password.equals(DEFAULT_PASSWORD)) {
            throw new IllegalStateException("The prod profile refuses the default admin password: set ADMIN_PASSWORD"
                    + " (txsuite.admin.password) to a password of your own, not blank and not '" + DEFAULT_PASSWORD
                    + "'");
        }
    }
}
