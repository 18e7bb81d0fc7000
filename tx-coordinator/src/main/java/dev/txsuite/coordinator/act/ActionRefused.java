package dev.txsuite.coordinator.act;

import dev.txsuite.coordinator.config.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The action is not possible in the state the log shows: a 409 {@code action-refused} problem with its reason. */
class ActionRefused extends RuntimeException {

    private final RefusalReason reason;

    ActionRefused(Refusal refusal) {
        super(refusal.detail());
        this.reason = refusal.reason();
    }

    ProblemDetail problem() {
        var problem = Problems.of(HttpStatus.CONFLICT, "action-refused", "Action refused", getMessage());
        problem.setProperty("reason", reason.name());
        return problem;
    }
}
