package org.wanplan.io.sndlib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.sndlib.SndlibModel;

/**
 * Reads an SNDlib model file ("SNDlib native format; type: model"): {@code KEY = VALUE} lines such as
 * {@code SURVIVABILITY_MODEL = UNRESTRICTED_FLOW_RECONFIGURATION}, every problem with its line.
 */
public final class SndlibModelReader {
    static final String HEADER = "?SNDlib native format; type: model";
    static final String[] KEYS = {
        "LINK_MODEL",
        "NODE_MODEL",
        "DEMAND_MODEL",
        "LINK_CAPACITY_MODEL",
        "ROUTING_MODEL",
        "ADMISSIBLE_PATH_MODEL",
        "HOP_LIMIT_MODEL",
        "SURVIVABILITY_MODEL",
        "FIXED_CHARGE_MODEL",
        "OBJECTIVE_MODEL"
    };

    private SndlibModelReader() {}

    public static SndlibModel read(Reader in, String file, String name) throws IOException, InputException {
        Problems problems = new Problems(file);
        Map<String, String> attributes = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
            lineNo++;
            String line = raw.strip();
            if (lineNo == 1) {
                if (!line.startsWith(HEADER)) {
                    throw InputException.of(
                            file, 1, "not an SNDlib model file: expected '" + HEADER + "', was '" + line + "'");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(lineNo, "expected KEY = VALUE, was '" + line + "'");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!java.util.Arrays.asList(KEYS).contains(key)) {
                problems.add(lineNo, "unknown model attribute '" + key + "'");
                continue;
            }
            attributes.put(key, line.substring(eq + 1).strip());
        }
        if (lineNo == 0) {
            problems.add(1, "empty file: not an SNDlib model");
        }
        problems.throwIfAny();
        return new SndlibModel(name, attributes);
    }
}
