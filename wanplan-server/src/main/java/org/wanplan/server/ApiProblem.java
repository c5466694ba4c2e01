package org.wanplan.server;

import java.util.List;

/**
 * An RFC 9457 problem the API answers with: an HTTP status, a stable {@code code} clients may switch on
 * (it is also the last segment of {@code type}), a title per code, a detail for this occurrence, and for
 * validation failures every bad field at once (a JSON pointer into the request and what is wrong).
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One bad field: where (JSON pointer, or a query/path parameter name) and what is wrong. */
    public record FieldError(String pointer, String detail) {}

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;
    private final String errorId; // null unless an internal error, whose log line it names

    private ApiProblem(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.errorId = null;
    }

    private ApiProblem(String errorId) {
        super("the server failed; the error is logged as " + errorId);
        ProblemCode c = ProblemCode.INTERNAL_ERROR;
        this.status = c.status();
        this.code = c.code();
        this.title = c.title();
        this.errors = List.of();
        this.errorId = errorId;
    }

    /** A 500: something failed that is not the client's doing; {@code errorId} names its log line. */
    static ApiProblem internal(String errorId) {
        return new ApiProblem(errorId);
    }

    public ApiProblem(ProblemCode code, String detail, List<FieldError> errors) {
        this(code.status(), code.code(), code.title(), detail, errors);
    }

    public ApiProblem(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    /** A status the HTTP server answered with that has no code of its own ({@code http-NNN}). */
    static ApiProblem ofHttpStatus(int status, String message) {
        return new ApiProblem(status, "http-" + status, message, message, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemCode.NOT_FOUND, what + " does not exist");
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(
                ProblemCode.VALIDATION_FAILED, errors.size() + " problem(s) in the request; see errors", errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The id of an internal error's log line; empty for every other problem. */
    public java.util.Optional<String> errorId() {
        return java.util.Optional.ofNullable(errorId);
    }
}
