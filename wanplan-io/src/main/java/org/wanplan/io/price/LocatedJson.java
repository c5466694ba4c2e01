package org.wanplan.io.price;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;

/**
 * A price book document (JSON or YAML) read strictly — a key given twice is an error, so is a second
 * document or anything after the first value — with the line every value starts on, so that each
 * problem can be reported where it is.
 */
final class LocatedJson {
    private LocatedJson() {}

    /** A mapper for {@code factory} that refuses duplicate keys and trailing content. */
    static ObjectMapper strict(JsonFactory factory) {
        return new ObjectMapper(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A mapper for streaming reads (element by element) that refuses duplicate keys. */
    static ObjectMapper noDuplicates(JsonFactory factory) {
        return new ObjectMapper(factory).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** {@code e} as a problem of {@code file}: at its own location, else where {@code parser} stopped. */
    static InputException malformed(String file, String kind, JsonProcessingException e, JsonParser parser) {
        return org.wanplan.io.input.JsonInput.malformed(
                file,
                kind,
                e.getOriginalMessage(),
                lineOf(e.getLocation()),
                parser == null ? -1 : lineOf(parser.currentLocation()));
    }

    private static int lineOf(JsonLocation l) {
        return l == null ? -1 : l.getLineNr();
    }

    /** A document's tree and the line each value starts on, by path ({@code a.b[2].c}; the root is ""). */
    record Located(JsonNode root, Map<String, Integer> lines) {
        /** The line of {@code path}, or of its nearest enclosing value that has one, or 1. */
        int line(String path) {
            for (String p = path; ; p = parent(p)) {
                Integer l = lines.get(p);
                if (l != null) {
                    return l;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }

        /** Records each field of {@code node} (at {@code at}; "" for the root) not in {@code known}. */
        void unknownFields(
                JsonNode node, String at, java.util.Set<String> known, String file, java.util.List<InputProblem> out) {
            for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    String path = at.isEmpty() ? f : at + "." + f;
                    out.add(new InputProblem(
                            file,
                            line(path),
                            "unknown field '" + path + "' (known: " + new java.util.TreeSet<>(known) + ")"));
                }
            }
        }

        /**
         * {@code v} (at {@code path}) as a number more than 0 and at most {@code max} {@code unit}, text included;
         * NaN, and a problem recorded, when it is not one.
         */
        double positive(
                JsonNode v, String path, double max, String unit, String file, java.util.List<InputProblem> out) {
            double x = Double.NaN;
            if (v.isNumber()) {
                x = v.asDouble();
            } else if (v.isTextual()) {
                try {
                    x = Double.parseDouble(v.asText().strip());
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
            }
            if (!(x > 0 && x <= max)) {
                String bound = max == Math.rint(max) ? Long.toString((long) max) : Double.toString(max);
                out.add(new InputProblem(
                        file,
                        line(path),
                        path + " must be a number more than 0 and at most " + bound + " " + unit + ", was " + v));
                return Double.NaN;
            }
            return x;
        }

        private static String parent(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut < 0 ? "" : path.substring(0, cut);
        }
    }

    /** Reads all of {@code in} as one JSON or YAML document, strictly ({@link #strict}), and locates its values. */
    static Located readAll(java.io.Reader in, String file, boolean yaml) throws IOException, InputException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return read(
                strict(yaml ? new com.fasterxml.jackson.dataformat.yaml.YAMLFactory() : new JsonFactory()),
                text.toString(),
                file,
                yaml ? "YAML" : "JSON");
    }

    /** Reads one document of {@code text} with {@code mapper}, and locates its values. */
    static Located read(ObjectMapper mapper, String text, String file, String kind) throws InputException {
        JsonNode root;
        JsonParser p = null;
        try {
            p = mapper.createParser(new StringReader(text));
            try (JsonParser parser = p) {
                root = mapper.readTree(parser);
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, kind, e, p);
        } catch (IOException e) {
            throw InputException.of(file, 1, "malformed " + kind + ": " + e.getMessage());
        }
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser q = mapper.createParser(new StringReader(text))) {
            Deque<String> paths = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            String field = null;
            for (JsonToken t = q.nextToken(); t != null; t = q.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = q.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.pop();
                    if (!indexes.isEmpty() && t == JsonToken.END_ARRAY) {
                        indexes.pop();
                    }
                    continue;
                }
                String path;
                if (paths.isEmpty()) {
                    path = "";
                } else if (field != null) {
                    path = paths.peek().isEmpty() ? field : paths.peek() + "." + field;
                } else {
                    int i = indexes.pop();
                    indexes.push(i + 1);
                    path = paths.peek() + "[" + i + "]";
                }
                field = null;
                lines.putIfAbsent(path, q.currentTokenLocation().getLineNr());
                if (t == JsonToken.START_OBJECT) {
                    paths.push(path);
                } else if (t == JsonToken.START_ARRAY) {
                    paths.push(path);
                    indexes.push(0);
                }
            }
        } catch (IOException e) {
            // the first pass read the same text without error; keep the lines found so far
        }
        return new Located(root, lines);
    }
}
