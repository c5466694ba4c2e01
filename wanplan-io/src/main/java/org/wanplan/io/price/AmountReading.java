package org.wanplan.io.price;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.wanplan.io.input.InputProblem;

/**
 * Field readers for the books' amounts and bounds (price book, cost book): each records a problem at the value's
 * line, and returns zero when the value is bad, so that every problem of a file is reported at once.
 *
 * @param maxAmount the largest amount accepted
 */
record AmountReading(String file, LocatedJson.Located doc, List<InputProblem> problems, BigDecimal maxAmount) {
    void add(String path, String message) {
        problems.add(new InputProblem(file, doc.line(path), message));
    }

    /** The list at the root's {@code field}; none (and a problem) when it is not a list. */
    Iterable<JsonNode> array(String field) {
        return array(doc.root().get(field), field);
    }

    /** {@code a} (at {@code path}) as a list; none (and a problem) when it is not one. */
    Iterable<JsonNode> array(JsonNode a, String path) {
        if (!a.isArray()) {
            add(path, path + " must be a list, was " + a);
            return List.of();
        }
        return a;
    }

    BigDecimal amount(JsonNode node, String at, String field) {
        return number(node, at, field, BigDecimal.ZERO, maxAmount);
    }

    BigDecimal number(JsonNode node, String at, String field, BigDecimal min, BigDecimal max) {
        String path = at.isEmpty() ? field : at + "." + field;
        JsonNode v = node.isObject() ? node.get(field) : null;
        if (!node.isObject()) {
            add(at, at + " must be an object, was " + node);
            return BigDecimal.ZERO;
        }
        if (v == null || !(v.isNumber() || v.isTextual())) {
            add(path, path + " is missing" + (v == null ? "" : ", was " + v));
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal x = new BigDecimal(v.asText().strip());
            if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
                add(
                        path,
                        path + " must be from " + min.toPlainString() + " to " + max.toPlainString() + ", was "
                                + v.asText());
                return BigDecimal.ZERO;
            }
            return x.stripTrailingZeros().scale() > 6 ? x.setScale(6, java.math.RoundingMode.HALF_EVEN) : x;
        } catch (NumberFormatException e) {
            add(path, path + " must be a number, was '" + v.asText() + "'");
            return BigDecimal.ZERO;
        }
    }

    double bounded(JsonNode node, String at, String field, double max) {
        BigDecimal x = number(node, at, field, BigDecimal.ZERO, new BigDecimal(max));
        if (x.signum() == 0 && node.isObject() && node.has(field)) {
            String path = at + "." + field;
            if (problems.stream().noneMatch(p -> p.message().startsWith(path))) {
                add(path, path + " must be > 0, was " + node.get(field).asText());
            }
        }
        return x.doubleValue();
    }

    void ascending(List<Double> bounds, String list, String field) {
        for (int i = 1; i < bounds.size(); i++) {
            if (bounds.get(i) > 0 && bounds.get(i - 1) > 0 && !(bounds.get(i) > bounds.get(i - 1))) {
                add(
                        list + "[" + i + "]." + field,
                        list + "[" + i + "]." + field + " must be above the one before (" + bounds.get(i - 1)
                                + "), was " + bounds.get(i));
            }
        }
    }

    BigDecimal amountOr(String field, BigDecimal fallback) {
        return doc.root().has(field) ? amount(doc.root(), "", field) : fallback;
    }

    /** The root's {@code field} from 0 to {@code max}, or {@code fallback} when it is not given. */
    BigDecimal numberOr(BigDecimal max, String field, BigDecimal fallback) {
        return doc.root().has(field) ? number(doc.root(), "", field, BigDecimal.ZERO, max) : fallback;
    }
}
