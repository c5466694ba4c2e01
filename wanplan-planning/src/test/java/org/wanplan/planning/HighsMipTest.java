package org.wanplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HiGHS in its child JVM, and the reading of its improving-solution file. */
class HighsMipTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static final String FIRST = "Objective 30\n# Columns 3\ny0 4\ny1 1\nf0 2.5\n";
    private static final String SECOND = "Objective 25\n# Columns 3\ny0 2\ny1 3\nf0 0.75\n";

    @Test
    void the_last_whole_solution_is_hiGHS_incumbent() {
        HighsMip.Parsed parsed = HighsMip.parse(bytes(FIRST + SECOND), 2);
        assertThat(parsed.last().objective()).isEqualTo(25);
        assertThat(parsed.last().values()).containsExactly(2, 3);
        assertThat(parsed.whole()).isEqualTo((FIRST + SECOND).length());
    }

    @Test
    void a_solution_counts_once_its_module_counts_are_written_though_its_flows_are_not() {
        String partial = "Objective 25\n# Columns 3\ny0 2\ny1 3\nf0 0.7";
        HighsMip.Parsed parsed = HighsMip.parse(bytes(FIRST + partial), 2);
        assertThat(parsed.last().objective()).isEqualTo(25);
        assertThat(parsed.last().values()).containsExactly(2, 3);
        // the next read starts at the partial block again
        assertThat(parsed.whole()).isEqualTo(FIRST.length());
    }

    @Test
    void a_module_count_without_its_newline_may_be_cut_short_and_does_not_count() {
        // "y1 3" could be the first digit of "y1 35": the block is not taken before its line ends
        HighsMip.Parsed parsed = HighsMip.parse(bytes(FIRST + "Objective 25\n# Columns 3\ny0 2\ny1 3"), 2);
        assertThat(parsed.last().objective()).isEqualTo(30);
        assertThat(parsed.last().values()).containsExactly(4, 1);
        assertThat(parsed.whole()).isEqualTo(FIRST.length());
    }

    @Test
    void nothing_written_is_no_solution() {
        assertThat(HighsMip.parse(new byte[0], 2).last()).isNull();
        assertThat(HighsMip.parse(bytes("Objective 25\n# Col"), 2).last()).isNull();
    }

    @Test
    void hiGHS_in_its_child_jvm_proves_the_optimum_an_enumeration_finds() throws Exception {
        // min 7a + 5b + 3c  s.t.  4a + 3b + 2c ≥ 13,  a + b + c ≤ 5,  a, b, c integers in [0, 6]
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver("SCIP");
        MPVariable[] x = {solver.makeIntVar(0, 6, "a"), solver.makeIntVar(0, 6, "b"), solver.makeIntVar(0, 6, "c")};
        int[] cost = {7, 5, 3};
        int[] weight = {4, 3, 2};
        MPConstraint cover = solver.makeConstraint(13, MPSolver.infinity());
        MPConstraint count = solver.makeConstraint(-MPSolver.infinity(), 5);
        for (int i = 0; i < 3; i++) {
            cover.setCoefficient(x[i], weight[i]);
            count.setCoefficient(x[i], 1);
            solver.objective().setCoefficient(x[i], cost[i]);
        }
        MPModelProto model = solver.exportModelToProto();
        solver.delete();
        int best = Integer.MAX_VALUE;
        for (int a = 0; a <= 6; a++) {
            for (int b = 0; b <= 6; b++) {
                for (int c = 0; c <= 6; c++) {
                    if (4 * a + 3 * b + 2 * c >= 13 && a + b + c <= 5) {
                        best = Math.min(best, 7 * a + 5 * b + 3 * c);
                    }
                }
            }
        }
        try (HighsMip highs = HighsMip.start(model, 30, 3)) {
            assertThat(highs.await(System.nanoTime() + 60_000_000_000L)).isTrue();
            HighsMip.Solution s = highs.latest();
            assertThat(s.optimal()).isTrue();
            assertThat(s.objective()).isEqualTo(best);
            double[] v = s.values();
            assertThat(7 * v[0] + 5 * v[1] + 3 * v[2]).isEqualTo(best);
            assertThat(4 * v[0] + 3 * v[1] + 2 * v[2]).isGreaterThanOrEqualTo(13);
            assertThat(highs.bound()).isEqualTo(best);
        }
    }
}
