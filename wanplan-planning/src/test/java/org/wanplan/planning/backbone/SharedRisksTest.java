package org.wanplan.planning.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wanplan.model.City;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgKind;

class SharedRisksTest {
    private static final List<City> CITIES = List.of(
            city(1, "A", 50.0, 8.0),
            city(2, "B", 50.0, 9.0),
            city(3, "C", 50.0, 10.0),
            city(4, "D", 51.0, 9.0), // 111 km north of B
            city(5, "E", 50.2, 8.4)); // 22 km north of the A–B line
    private static final List<String> IDS = List.of("a", "b", "c", "d", "e");

    @Test
    void an_express_span_shares_a_corridor_with_the_parallel_own_spans_along_it_only() {
        // own: A–B and B–C along the express A–C; B–D across it; B–E runs 27° off the line (22.2 km north
        // over 42.9 km west) with its midpoint 11 km from it; D–E's midpoint is 67 km off the line
        List<int[]> own =
                List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {1, 3}, new int[] {1, 4}, new int[] {3, 4});
        List<int[]> express = List.<int[]>of(new int[] {0, 2});
        List<Srlg> srlgs = new ArrayList<>();
        Map<Integer, List<String>> ofOwn = new HashMap<>();
        Map<Integer, List<String>> ofExpress = new HashMap<>();
        new SharedRisks(BackboneGenerator.Parameters.defaults())
                .expressCorridors(
                        CITIES, IDS, own, new boolean[own.size()], express, new boolean[1], srlgs, ofOwn, ofExpress);
        assertThat(srlgs).hasSize(1);
        assertThat(srlgs.get(0).id().value()).isEqualTo("corridor-x-a-c");
        assertThat(srlgs.get(0).kind()).isEqualTo(SrlgKind.CORRIDOR);
        assertThat(ofExpress).containsEntry(0, List.of("corridor-x-a-c"));
        assertThat(ofOwn.keySet()).containsExactlyInAnyOrder(0, 1, 3);
    }

    @Test
    void a_submarine_express_span_only_groups_with_submarine_own_spans() {
        List<int[]> own = List.of(new int[] {0, 1}, new int[] {1, 2});
        List<Srlg> srlgs = new ArrayList<>();
        Map<Integer, List<String>> ofOwn = new HashMap<>();
        new SharedRisks(BackboneGenerator.Parameters.defaults())
                .expressCorridors(
                        CITIES,
                        IDS,
                        own,
                        new boolean[] {true, false},
                        List.<int[]>of(new int[] {0, 2}),
                        new boolean[] {true},
                        srlgs,
                        ofOwn,
                        new HashMap<>());
        assertThat(srlgs).extracting(s -> s.id().value()).containsExactly("cable-x-a-c");
        assertThat(ofOwn.keySet()).containsExactly(0);
    }

    private static City city(int rank, String name, double lat, double lon) {
        return new City(rank, name, name, "DE", new GeoPoint(lat, lon), 1_000_000 - rank);
    }
}
