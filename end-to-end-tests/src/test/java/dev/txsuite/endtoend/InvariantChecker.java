package dev.txsuite.endtoend;

import dev.txsuite.launcher.SuiteService;
import dev.txsuite.launcher.process.DatabaseLogin;
import dev.txsuite.launcher.verify.Invariants;
import java.util.EnumMap;

/** The launcher's invariant checks over the databases of a suite the tests started. */
final class InvariantChecker extends Invariants {

    InvariantChecker(EndToEndSuite suite) {
        super(logins(suite));
    }

    private static EnumMap<SuiteService, DatabaseLogin> logins(EndToEndSuite suite) {
        var logins = new EnumMap<SuiteService, DatabaseLogin>(SuiteService.class);
        for (var service : SuiteService.values()) {
            if (service.ownsDatabase()) {
                var database = suite.database(service);
                logins.put(service, new DatabaseLogin(database.jdbcUrl(), database.username(), database.password()));
            }
        }
        return logins;
    }
}
