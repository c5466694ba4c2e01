package org.wanplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON request body read strictly: it must be one JSON object; fields not in the endpoint's schema
 * are errors, as are missing required fields and wrong types. Every problem is collected before the
 * request is refused, so a client learns all of them at once.
 */
final class JsonRequest {
    private final JsonNode body;
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    private JsonRequest(JsonNode body, Set<String> known) {
        this.body = body;
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                errors.add(
                        new ApiProblem.FieldError("/" + f, "unknown field (known: " + String.join(", ", known) + ")"));
            }
        }
    }

    /** Parses {@code text}; a body that is not a JSON object is refused at once (400). */
    static JsonRequest parse(String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            throw new ApiProblem(ProblemCode.MALFORMED_JSON, "the request has no body");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ApiProblem(
                    ProblemCode.MALFORMED_JSON,
                    (at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ")
                            + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(ProblemCode.MALFORMED_JSON, "expected a JSON object");
        }
        return new JsonRequest(node, Set.copyOf(known));
    }

    /** A required non-empty string of at most {@code max} characters (null when bad: the error is recorded). */
    String string(String field, int max) {
        return optionalString(field, max).orElseGet(() -> {
            if (!body.has(field) || body.get(field).isNull()) {
                error(field, "required");
            }
            return null;
        });
    }

    Optional<String> optionalString(String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            error(field, "must be a string, was " + v);
            return Optional.empty();
        }
        String s = v.asText().strip();
        if (s.isEmpty() || s.length() > max) {
            error(field, "must be 1 to " + max + " characters, was '" + abbreviate(s) + "'");
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** An optional number within [{@code min}, {@code max}]. */
    Optional<Double> optionalNumber(String field, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            error(field, "must be a number from " + min + " to " + max + ", was " + abbreviate(v.toString()));
            return Optional.empty();
        }
        return Optional.of(v.asDouble());
    }

    /** An optional JSON object (empty when absent or null; empty and an error when not an object). */
    Optional<JsonNode> optionalObject(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            error(field, "must be an object, was " + abbreviate(v.toString()));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A required JSON array (null when bad). */
    JsonNode array(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            error(field, "required");
            return null;
        }
        if (!v.isArray()) {
            error(field, "must be an array, was " + abbreviate(v.toString()));
            return null;
        }
        return v;
    }

    void error(String field, String detail) {
        errors.add(new ApiProblem.FieldError("/" + field, detail));
    }

    void errors(List<ApiProblem.FieldError> more) {
        errors.addAll(more);
    }

    /** Refuses the request (422) when anything was wrong. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /** The checked body bound to its request record (after {@link #throwIfInvalid()}). */
    <T> T as(Class<T> type) {
        throwIfInvalid();
        try {
            return Json.MAPPER.treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a checked " + type.getSimpleName() + " does not bind: " + e, e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
