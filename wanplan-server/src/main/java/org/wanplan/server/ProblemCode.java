package org.wanplan.server;

/**
 * Every problem the API answers with: its HTTP status, the stable code clients switch on (the last segment
 * of the problem's {@code type}), and its title.
 */
public enum ProblemCode {
    MALFORMED_JSON(400, "malformed-json", "The body is not valid JSON"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    INVALID_TOKEN(401, "invalid-token", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed for this role"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NETWORK_EXISTS(409, "network-exists", "A network of that name exists"),
    OVERBOOKED(409, "overbooked", "Not enough capacity left on a span"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "The order cannot do that now"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    VALIDATION_FAILED(422, "validation-failed", "The request is not valid"),
    INVALID_NETWORK(422, "invalid-network", "The network file does not import"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The idempotency key was used for another request"),
    DESIGN_BUDGET_EXCEEDED(422, "design-budget-exceeded", "The design did not finish within the time allowed"),
    UNAVAILABLE(503, "unavailable", "The service cannot answer now"),
    INTERNAL_ERROR(500, "internal-error", "Internal error");

    private final int status;
    private final String code;
    private final String title;

    ProblemCode(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The code as the API writes it. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
