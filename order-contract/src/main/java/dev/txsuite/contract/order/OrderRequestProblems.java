package dev.txsuite.contract.order;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every request the order API cannot serve into a problem document with a stable type: an {@link
 * OrderProblem} as it says, an unreadable body naming the field Jackson stopped at, never a 500. A service serving
 * the order API extends it as its {@code @RestControllerAdvice} (and may add handlers of its own).
 */
public abstract class OrderRequestProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(OrderProblem.class)
    public ResponseEntity<ProblemDetail> orderProblem(OrderProblem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(unreadableField(e), e, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(new FieldError(e.getParameterName(), "is required"), e, headers, request);
    }

    private ResponseEntity<Object> invalid(FieldError error, Exception e, HttpHeaders headers, WebRequest request) {
        var body = OrderProblem.invalidRequest(List.of(error)).toProblemDetail();
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The field Jackson stopped at ({@code items[1].quantity}), or {@code body} when the JSON itself is broken. */
    private static FieldError unreadableField(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                var path = pathOf(jackson.getPath());
                var field = path.isEmpty() ? "body" : path;
                return jackson instanceof StreamReadException
                        ? new FieldError(field, "is not well-formed JSON: " + jackson.getOriginalMessage())
                        : new FieldError(field, "has the wrong type or shape: " + jackson.getOriginalMessage());
            }
        }
        return new FieldError("body", "a JSON body is required");
    }

    private static String pathOf(List<JacksonException.Reference> references) {
        var path = new StringBuilder();
        for (var reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.toString();
    }
}
