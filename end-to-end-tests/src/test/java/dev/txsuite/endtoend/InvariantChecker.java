package dev.txsuite.endtoend;

import dev.txsuite.launcher.verify.Invariants;

/** The launcher's invariant checks over the databases of a suite the tests started. */
final class InvariantChecker extends Invariants {

    InvariantChecker(EndToEndSuite suite) {
        super(suite.logins());
    }
}
