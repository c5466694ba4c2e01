package org.wanplan.planning.sndlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.input.TextInput;
import org.wanplan.io.sndlib.SndlibModelReader;
import org.wanplan.model.sndlib.SndlibModel;
import org.wanplan.model.sndlib.SndlibNetwork;
import org.wanplan.planning.CapacityPlan;
import org.wanplan.planning.CapacityPlanner;
import org.wanplan.planning.FeasibilityCheck;
import org.wanplan.planning.LinkModel;
import org.wanplan.planning.PlanningProblem;

/**
 * SNDlib's directed demands on bidirected links ({@code D-B-…}) against a published optimum: ZIB's INOC 2007
 * instances (C. Raack, {@code zib.de/raack/network_design/INOC2007_instances/_README}, recorded in
 * {@code ../shared/data/sndlib/BEST_KNOWN.csv}) give atlanta {@code D-B-M-N-C-A-N-N} 46,244,642.4, proven
 * optimal, with the routing cost paid on both directions' flows. The same rule reproduces it; SNDlib's own
 * rule (the larger direction) can only cost less.
 */
class BidirectedSndlibTest {
    static final double INOC_OPTIMUM = 46_244_642.4;

    static Path sndlib(String relative) {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        Path root = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).toAbsolutePath();
        Path p = root.resolve("sndlib/native").resolve(relative);
        assumeTrue(Files.exists(p), () -> "SKIPPED: SNDlib data not found at " + p);
        return p;
    }

    static PlanningProblem atlanta() throws Exception {
        SndlibNetwork s = NetworkFiles.withDefaults().readSndlib(sndlib("atlanta/atlanta.txt"));
        Path modelFile = sndlib("atlanta/models/D-B-M-N-C-A-N-N.txt");
        SndlibModel m;
        try (Reader in = TextInput.reader(modelFile)) {
            m = SndlibModelReader.read(in, modelFile.toString(), "D-B-M-N-C-A-N-N");
        }
        return SndlibPlanning.problem(s, m, 1, 0);
    }

    @Test
    void atlanta_reaches_the_published_optimum_under_its_routing_rule_and_less_under_sndlibs() throws Exception {
        PlanningProblem sndlibRule = atlanta();
        assertThat(sndlibRule.linkModel()).isEqualTo(LinkModel.BIDIRECTED);
        assertThat(sndlibRule.directedDemands()).isTrue();

        PlanningProblem inocRule = sndlibRule.withRoutingOnBothDirections();
        CapacityPlan inoc = CapacityPlanner.solve(inocRule, Duration.ofSeconds(60));
        assertThat(inoc.status()).isEqualTo("OPTIMAL");
        assertThat(inoc.objective()).isCloseTo(INOC_OPTIMUM, within(0.5));
        assertThat(FeasibilityCheck.violation(inocRule, inoc)).isEmpty();

        CapacityPlan plan = CapacityPlanner.solve(sndlibRule, Duration.ofSeconds(60));
        assertThat(plan.status()).isEqualTo("OPTIMAL");
        assertThat(FeasibilityCheck.violation(sndlibRule, plan)).isEmpty();
        // the larger direction never costs more than both: the same plan is at most as dear
        assertThat(plan.objective()).isLessThanOrEqualTo(inoc.objective() + 1e-6);
    }

    /**
     * Every network/model pair in the shared data: a planning problem, or refused with each unsupported
     * attribute named as the model file writes it ({@code KEY = VALUE}).
     */
    @Test
    void every_shared_network_and_model_is_planned_or_refused_by_attribute() throws Exception {
        Path root = sndlib("");
        int planned = 0;
        int refused = 0;
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        try (var nets = Files.list(root)) {
            for (Path net : nets.sorted().toList()) {
                Path models = net.resolve("models");
                Path file = net.resolve(net.getFileName() + ".txt");
                if (!Files.isDirectory(models) || !Files.exists(file)) {
                    continue;
                }
                SndlibNetwork s = NetworkFiles.withDefaults().readSndlib(file);
                try (var ms = Files.list(models)) {
                    for (Path modelFile : ms.sorted().toList()) {
                        SndlibModel m;
                        try (Reader in = TextInput.reader(modelFile)) {
                            m = SndlibModelReader.read(
                                    in,
                                    modelFile.toString(),
                                    modelFile.getFileName().toString());
                        }
                        try {
                            PlanningProblem p = SndlibPlanning.problem(s, m, 1, 0);
                            assertThat(p.directedDemands())
                                    .isEqualTo(
                                            m.get("DEMAND_MODEL").orElseThrow().equals("DIRECTED"));
                            planned++;
                        } catch (UnsupportedModelException e) {
                            refused++;
                            for (String u : e.unsupported()) {
                                String key = u.substring(0, u.indexOf(" = "));
                                String value = u.substring(u.indexOf(" = ") + 3).split(" ")[0];
                                assertThat(m.get(key)).as(modelFile + ": " + u).contains(value);
                                reasons.merge(key + " = " + value, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("SNDlib pairs: " + planned + " planned, " + refused + " refused: " + reasons);
        assertThat(planned).isPositive();
        assertThat(reasons.keySet())
                .noneMatch(r -> r.startsWith("LINK_MODEL") || r.startsWith("DEMAND_MODEL = DIRECTED"));
    }
}
