package dev.txsuite.endtoend;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** An HTTP answer with its body parsed as JSON ({@code MissingNode} when the body is not JSON). */
record JsonResponse(int status, HttpHeaders headers, String body, JsonNode json) {

    String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    String location() {
        return headers.firstValue("Location").orElse(null);
    }

    /** A text field of the body, or null when it is absent. */
    String text(String field) {
        var node = json.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    long number(String field) {
        var node = json.path(field);
        if (!node.isNumber()) {
            throw new AssertionError("expected a number in field '" + field + "' of " + this);
        }
        return node.asLong();
    }

    @Override
    public String toString() {
        return status + " " + contentType() + " " + body;
    }
}
