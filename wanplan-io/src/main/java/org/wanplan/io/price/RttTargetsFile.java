package org.wanplan.io.price;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.RttTargets;

/**
 * Reads round-trip targets per class by distance band from JSON or YAML. Bands ascend by {@code upToKm}; the last
 * leaves it out and holds every longer pair. Every problem is reported by its path and line, all at once.
 *
 * <pre>
 * bands:
 *   - {upToKm: 1000, realtimeMs: 30, businessMs: 50, bestEffortMs: 2000}
 *   - {upToKm: 4000, realtimeMs: 45, businessMs: 70, bestEffortMs: 2000}
 *   - {realtimeMs: 90, businessMs: 110, bestEffortMs: 2000}
 * </pre>
 */
public final class RttTargetsFile {
    private static final Set<String> BAND_FIELDS = Set.of("upToKm", "realtimeMs", "businessMs", "bestEffortMs");
    /** Longest band bound accepted: half the Earth's circumference, the longest great circle. */
    public static final double MAX_KM = 20_038;
    /** Largest target accepted: a minute, far beyond any class of service (Y.1541's loosest is 1 s one way). */
    public static final double MAX_MS = 60_000;

    private RttTargetsFile() {}

    public static RttTargets read(Reader in, String file, boolean yaml) throws IOException, InputException {
        LocatedJson.Located doc = LocatedJson.readAll(in, file, yaml);
        JsonNode root = doc.root();
        if (root == null
                || !root.isObject()
                || !root.has("bands")
                || !root.get("bands").isArray()) {
            throw InputException.of(
                    file,
                    1,
                    "round-trip targets are an object with a list of bands: {bands: [{upToKm,"
                            + " realtimeMs, businessMs, bestEffortMs}, …]}, the last without upToKm");
        }
        List<InputProblem> problems = new ArrayList<>();
        doc.unknownFields(root, "", Set.of("bands"), file, problems);
        JsonNode list = root.get("bands");
        if (list.isEmpty()) {
            problems.add(new InputProblem(file, doc.line("bands"), "bands must not be empty"));
        }
        List<RttTargets.Band> bands = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < list.size(); i++) {
            String at = "bands[" + i + "]";
            JsonNode b = list.get(i);
            if (!b.isObject()) {
                problems.add(new InputProblem(
                        file,
                        doc.line(at),
                        at + " must be an object of fields " + new java.util.TreeSet<>(BAND_FIELDS)));
                continue;
            }
            doc.unknownFields(b, at, BAND_FIELDS, file, problems);
            boolean last = i == list.size() - 1;
            double upTo = Double.POSITIVE_INFINITY;
            if (last && b.has("upToKm")) {
                problems.add(new InputProblem(
                        file,
                        doc.line(at + ".upToKm"),
                        at + ".upToKm must be left out: the last band holds every longer pair"));
            } else if (!last) {
                upTo = number(b, at, "upToKm", MAX_KM, "km", file, doc, problems);
                if (upTo > 0) { // a bad bound (NaN) is reported by number() and leaves the next bands' check alone
                    if (!(upTo > previous)) {
                        problems.add(new InputProblem(
                                file,
                                doc.line(at + ".upToKm"),
                                at + ".upToKm must be above the band before's (" + fmt(previous) + " km), was "
                                        + fmt(upTo)));
                    }
                    previous = Math.max(previous, upTo);
                }
            }
            double rt = number(b, at, "realtimeMs", MAX_MS, "ms", file, doc, problems);
            double bu = number(b, at, "businessMs", MAX_MS, "ms", file, doc, problems);
            double be = number(b, at, "bestEffortMs", MAX_MS, "ms", file, doc, problems);
            if (upTo > 0 && rt > 0 && bu > 0 && be > 0) {
                bands.add(new RttTargets.Band(upTo, rt, bu, be));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InputProblem::line));
            throw new InputException(problems);
        }
        return new RttTargets(bands);
    }

    /** {@code field} of {@code node}: a number more than 0 and at most {@code max}; NaN (and a problem) otherwise. */
    private static double number(
            JsonNode node,
            String at,
            String field,
            double max,
            String unit,
            String file,
            LocatedJson.Located doc,
            List<InputProblem> problems) {
        JsonNode v = node.get(field);
        if (v == null) {
            problems.add(new InputProblem(file, doc.line(at), at + "." + field + " is missing"));
            return Double.NaN;
        }
        return doc.positive(v, at + "." + field, max, unit, file, problems);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
