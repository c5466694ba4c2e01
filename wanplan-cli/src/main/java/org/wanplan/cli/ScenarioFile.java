package org.wanplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.Mask;

/**
 * Multi-element failure scenarios, one per line: {@code NAME: span:ID, pop:ID, srlg:ID …} (a colon and
 * a space end the name). Blank lines
 * and lines starting with {@code #} are ignored. Every bad line is reported as {@code file:line}.
 */
final class ScenarioFile {
    private ScenarioFile() {}

    static List<FailureScenario> read(Path file, Network n) throws IOException, org.wanplan.io.input.InputException {
        List<String> lines = org.wanplan.io.input.TextInput.read(file).lines().toList();
        List<FailureScenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": "); // "NAME: span:ID" — only the name's colon is followed by a space
            if (colon <= 0) {
                problems.add(where + "expected 'NAME: span:ID, pop:ID, srlg:ID …', was '" + line + "'");
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (!names.add(name)) {
                problems.add(where + "duplicate scenario name '" + name + "'");
            }
            Mask mask = Mask.none();
            boolean ok = true;
            for (String element : line.substring(colon + 1).split(",")) {
                String e = element.strip();
                Optional<Mask> with = mask.withElement(n, e);
                if (with.isPresent()) {
                    mask = with.get();
                } else {
                    problems.add(
                            where + "unknown element '" + e + "' (use span:ID, pop:ID or srlg:ID of " + n.name() + ")");
                    ok = false;
                }
            }
            if (ok) {
                scenarios.add(new FailureScenario(name, FailureScenario.Kind.MULTI, mask));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(problems.size() + " problem(s) in " + file);
            throw new CliFailure(problems.stream()
                    .map(org.wanplan.io.input.InputProblem::printable)
                    .toList());
        }
        return scenarios;
    }
}
