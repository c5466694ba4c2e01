package org.wanplan.planning.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    @Test
    void gabriel_drops_an_edge_whose_diametral_circle_holds_a_third_point() {
        // A(0,0), B(2,0), C(1,0.5): C lies inside the circle on AB (centre (1,0), radius 1)
        double ab = 2;
        double ac = Math.hypot(1, 0.5);
        double bc = ac;
        double[][] d = {{0, ab, ac}, {ab, 0, bc}, {ac, bc, 0}};
        assertThat(Augmentation.gabriel(d)).containsExactly(new int[] {0, 2}, new int[] {1, 2});
    }

    /** Four points on a line at km 0, 1, 2, 3; every pair a candidate, costing its km. */
    private static final double[][] LINE = {{0, 1, 2, 3}, {1, 0, 1, 2}, {2, 1, 0, 1}, {3, 2, 1, 0}};

    @Test
    void a_path_gets_its_bridges_closed_then_pruned_to_a_ring() {
        List<int[]> candidates = Augmentation.candidates(LINE, 3);
        assertThat(candidates).hasSize(6);
        boolean[][] built = new boolean[4][4];
        Augmentation.spanningTree(LINE, candidates, built);
        assertThat(edges(built)).containsExactly("0-1", "1-2", "2-3");
        // bridges 01, 12, 23: 0–2 closes two for 2 km (1 per km, first of the ties with 0–3); then only 23 is
        // left, and 1–3 closes it for 2 km (0.5 per km) where 0–3 takes 3 km (0.33)
        Augmentation.closeBridges(LINE, candidates, built);
        assertThat(edges(built)).containsExactly("0-1", "0-2", "1-2", "1-3", "2-3");
        // costliest first: 0–2 and 1–3 are needed (0 and 3 would hang on one span), 0–1 too; 1–2 is not (the
        // ring 0-1-3-2-0 stays); 2–3 then is
        Augmentation.prune(LINE, candidates, built);
        assertThat(edges(built)).containsExactly("0-1", "0-2", "1-3", "2-3");
    }

    @Test
    void a_shortcut_goes_where_the_fibre_detours_most_within_the_budget() {
        List<int[]> candidates = Augmentation.candidates(LINE, 3);
        // the ring 0-1-3-2-0 (6 km): 1–2 is 3 km apart by fibre against 1 km direct, stretch 3; 0–3 is 3 by
        // fibre and 3 direct, stretch 1
        boolean[][] ring = ring();
        Augmentation.addShortcuts(LINE, LINE, candidates, ring, 1.0, 0.1); // 0.6 km of budget: not enough
        assertThat(edges(ring)).containsExactly("0-1", "0-2", "1-3", "2-3");
        Augmentation.addShortcuts(LINE, LINE, candidates, ring, 1.0, 1.0); // 6 km: 1–2 is built, and then
        assertThat(edges(ring)).containsExactly("0-1", "0-2", "1-2", "1-3", "2-3"); // nothing exceeds 1
    }

    private static boolean[][] ring() {
        boolean[][] b = new boolean[4][4];
        for (int[] e : new int[][] {{0, 1}, {0, 2}, {1, 3}, {2, 3}}) {
            b[e[0]][e[1]] = b[e[1]][e[0]] = true;
        }
        return b;
    }

    private static List<String> edges(boolean[][] built) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < built.length; i++) {
            for (int j = i + 1; j < built.length; j++) {
                if (built[i][j]) {
                    out.add(i + "-" + j);
                }
            }
        }
        return out;
    }
}
