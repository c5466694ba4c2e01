package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.sndlib.SndlibModelReader;
import org.wanplan.model.sndlib.SndlibModel;

class SndlibModelTest {
    /** The 8-letter code in the file name matches the attributes inside (SOURCES.md's code table). */
    @Test
    void every_model_file_reads_and_agrees_with_its_code() throws Exception {
        Path root = SharedData.require("sndlib/native");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals("models"))
                    .toList();
        }
        int indexed = SharedData.index(SharedData.require("sndlib/INDEX.csv")).stream()
                .mapToInt(r -> Integer.parseInt(r.get("models")))
                .sum();
        assertThat(files).hasSize(indexed);
        for (Path f : files) {
            SndlibModel m;
            try (Reader in = Files.newBufferedReader(f)) {
                m = SndlibModelReader.read(in, f.toString(), f.getFileName().toString());
            }
            String[] code = f.getFileName().toString().replace(".txt", "").split("-");
            assertThat(m.get("DEMAND_MODEL").orElseThrow().charAt(0))
                    .as(f.toString())
                    .isEqualTo(code[0].charAt(0));
            assertThat(m.get("SURVIVABILITY_MODEL").orElseThrow())
                    .as(f.toString())
                    .isEqualTo(
                            switch (code[7]) {
                                case "N" -> "NO_SURVIVABILITY";
                                case "U" -> "UNRESTRICTED_FLOW_RECONFIGURATION";
                                case "P" -> "ONE_PLUS_ONE_PROTECTION";
                                default -> "SHARED_PATH_PROTECTION";
                            });
        }
    }

    @Test
    void bad_lines_are_reported_with_their_numbers() {
        InputException e = catchThrowableOfType(
                InputException.class, () -> SndlibModelReader.read(new StringReader("""
                ?SNDlib native format; type: model; version: 1.0
                LINK_MODEL = UNDIRECTED
                COLOUR = BLUE
                nonsense
                """), "m.txt", "m"));
        assertThat(e.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "m.txt:3: unknown model attribute 'COLOUR'", "m.txt:4: expected KEY = VALUE, was 'nonsense'");
    }
}
