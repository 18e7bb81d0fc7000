package dev.txsuite.coordinator.config;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors as problem details with a stable type: an invalid body or parameter is named, an
 * unreadable body says why, anything else gets a type named after its status.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        var problem = Problems.of(status, "invalid-request", "Invalid request", detail);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = Problems.of(
                status,
                "malformed-request",
                "Malformed request",
                "the body is not the expected JSON: " + e.getMostSpecificCause().getMessage());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var name =
                e instanceof MethodArgumentTypeMismatchException parameter ? parameter.getName() : e.getPropertyName();
        var problem = Problems.of(
                status, "invalid-request", "Invalid request", name + ": '" + e.getValue() + "' is not a valid value");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(slugOf(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String slugOf(HttpStatusCode status) {
        var known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
