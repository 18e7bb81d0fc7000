package dev.txsuite.contract.order;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Lets a command check its own Bean Validation constraints in its constructor (buckpal's SelfValidating), so
 * that an invalid command cannot exist, whoever builds it.
 */
final class SelfValidating {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private SelfValidating() {}

    /** @throws ConstraintViolationException listing every violated constraint */
    static void validate(Object command) {
        var violations = VALIDATOR.validate(command);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
