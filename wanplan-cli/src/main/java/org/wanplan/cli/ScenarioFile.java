package org.wanplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;

/** A scenario file ({@link FailureScenario#parse}): its problems, every one, as the command line's failure. */
final class ScenarioFile {
    private ScenarioFile() {}

    static List<FailureScenario> read(Path file, Network n) throws IOException, org.wanplan.io.input.InputException {
        List<String> lines = org.wanplan.io.input.TextInput.read(file).lines().toList();
        FailureScenario.Parsed parsed = FailureScenario.parse(n, lines, file.toString());
        if (!parsed.problems().isEmpty()) {
            List<String> problems = new ArrayList<>(parsed.problems());
            problems.add(problems.size() + " problem(s) in " + file);
            throw new CliFailure(problems.stream()
                    .map(org.wanplan.io.input.InputProblem::printable)
                    .toList());
        }
        return parsed.scenarios();
    }
}
