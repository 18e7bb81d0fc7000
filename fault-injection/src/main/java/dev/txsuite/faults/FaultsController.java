package dev.txsuite.faults;

import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Arms and clears the faults of this service. Exists only when {@code txsuite.faults.enabled} is true, and lives
 * under {@code /tx/}, which the gateway never routes.
 */
@RestController
@RequestMapping("/tx/faults")
class FaultsController {

    private final Faults faults;

    FaultsController(Faults faults) {
        this.faults = faults;
    }

    /** {@code {"plan":{...},"haltPoints":[...]}}: what is armed, and what could be. */
    @GetMapping
    ArmedFaults armed() {
        return new ArmedFaults(faults.plan(), faults.haltPoints());
    }

    @PutMapping
    ArmedFaults arm(@RequestBody FaultPlan plan) {
        faults.arm(plan);
        return armed();
    }

    @DeleteMapping
    ArmedFaults clear() {
        faults.arm(FaultPlan.NONE);
        return armed();
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ProblemDetail invalid(Exception e) {
        var cause = e instanceof HttpMessageNotReadableException unreadable
                ? unreadable.getMostSpecificCause().getMessage()
                : e.getMessage();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, cause);
        problem.setType(URI.create("https://txsuite.dev/problems/invalid-fault-plan"));
        problem.setTitle("Invalid fault plan");
        return problem;
    }

    record ArmedFaults(FaultPlan plan, Set<String> haltPoints) {}
}
