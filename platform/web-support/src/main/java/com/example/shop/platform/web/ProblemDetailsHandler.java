package com.example.shop.platform.web;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} response: Spring MVC's own
 * exceptions (bad JSON, wrong types, failed validation, unknown paths) through the base class, the
 * services' {@link org.springframework.web.ErrorResponseException}s as they are, and anything unexpected as
 * a 500 that reveals nothing internal.
 *
 * <p>Every problem is written as {@code application/problem+json} whatever the Accept header asks for: an error
 * body that depends on content negotiation is lost when the header cannot be parsed.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, BigInteger.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request has invalid parameters.");
        problem.setProperty("errors", ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result), error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String parameterName(ParameterValidationResult result) {
        var parameter = result.getMethodParameter();
        var requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "parameter " + parameter.getParameterIndex();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request body is missing or is not valid JSON of the expected shape.");
        FieldProblem field = mismatchedField(ex);
        if (field != null) {
            problem.setProperty("errors", List.of(field));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The field whose value has the wrong type (a fraction for a whole number, text for a number), if known. */
    private static FieldProblem mismatchedField(HttpMessageNotReadableException ex) {
        if (!(ex.getMostSpecificCause() instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return null;
        }
        String field = mismatch.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Class<?> target = mismatch.getTargetType();
        String message = target != null && WHOLE_NUMBERS.contains(target) ? "must be a whole number"
                : "has a value of the wrong type";
        return new FieldProblem(field, message);
    }

    /**
     * Spring's default detail quotes the value, which for a parameter given twice is a Java array's toString
     * ({@code [Ljava.lang.String;@1a2b}): say what was expected instead, and echo nothing of the input.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "a parameter";
        String type = ex.getRequiredType() != null ? ex.getRequiredType().getSimpleName() : "the expected type";
        Object value = ex.getValue();
        boolean severalValues = value != null && (value.getClass().isArray() && Array.getLength(value) > 1
                || value instanceof Collection<?> values && values.size() > 1);
        String detail = severalValues
                ? "Parameter '%s' must be given once, as a single value of type %s.".formatted(name, type)
                : "Parameter '%s' must be a value of type %s.".formatted(name, type);
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    /** The firewall's refusal of a header or parameter read lazily inside a handler. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException ex) {
        log.debug("Request rejected by the firewall: {}", ex.getMessage());
        return badRequest(MalformedRequests.detail(ex));
    }

    /** Every problem as problem+json, without consulting the Accept header (which may be unparseable). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, problemHeaders, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (MalformedRequests.isMalformedRequest(ex)) {
            // Tomcat decodes parameters lazily: a query that is not UTF-8 fails when a handler first reads it.
            log.debug("Malformed request: {}", ex.getMessage());
            return badRequest(MalformedRequests.detail(ex));
        }
        if (isDataRefusedByTheDatabase(ex)) {
            // PostgreSQL refuses some values that validation let through (a NUL character, a number out of
            // range): the caller's input, not our failure. The transaction has rolled back.
            log.info("Request refused by the database: {}", ex.getMessage());
            return badRequest("The request contains a value that cannot be stored, such as a control character.");
        }
        if (isNoDatabaseConnection(ex)) {
            // Every connection of the pool stayed busy for its whole connection-timeout, or the database cannot
            // be reached: the service is overloaded or its database is down, not the caller wrong. Nothing was
            // written (no connection, no transaction).
            log.warn("No database connection: {}", ex.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database right now (it is busy or restarting); try again shortly.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred.");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** HikariCP's "connection is not available, request timed out", whether the pool is busy or the database down. */
    static boolean isNoDatabaseConnection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 22, "data exception": the value itself is wrong, whatever the state of the system. */
    static boolean isDataRefusedByTheDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** One invalid field of a request. */
    public record FieldProblem(String field, String message) {
    }
}
