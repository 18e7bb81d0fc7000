package dev.txsuite.coordinator.act;

/**
 * Who asks for an action, and the note they gave (may be null).
 *
 * @param operator the admin the gateway authenticated ({@code X-Admin-User}); {@value #LOCAL} for a direct call
 */
record OperatorRequest(String operator, String note) {

    static final String LOCAL = "local";

    OperatorRequest {
        operator = operator == null || operator.isBlank() ? LOCAL : operator.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
