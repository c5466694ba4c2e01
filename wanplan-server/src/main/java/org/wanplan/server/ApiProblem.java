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

    public ApiProblem(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " does not exist");
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(
                422,
                "validation-failed",
                "The request is not valid",
                errors.size() + " problem(s) in the request; see errors",
                errors);
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
}
